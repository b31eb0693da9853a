import { useEffect, useMemo, useRef } from 'react';
import { DndContext, DragOverlay, KeyboardSensor, MouseSensor, TouchSensor, useDroppable, useSensor, useSensors } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { combineDrags } from '../decks/combine-drags';
import { DeckDragPreview } from '../decks/deck-drag-preview';
import { DeckKeyboardSensor } from '../decks/deck-keyboard-sensor';
import { DeckPanel } from '../decks/deck-panel';
import { useDeckDrag } from '../decks/use-deck-drag';
import { EmotionCurve } from '../journey/emotion-curve';
import { FacilitationLayers } from '../facilitation/board-overlays';
import { FacilitationPanel } from '../facilitation/facilitation-panel';
import { InsightsHighlightLayer } from '../insights/highlight-layer';
import { IdeaEffectsLayer } from '../insights/idea-effects-layer';
import { PersonaLayer } from '../personas/persona-layer';
import { InsightsPanel } from '../insights/insights-panel';
import { HistoryOverlay } from '../history/history-overlay';
import { HistoryPanel } from '../history/history-panel';
import { VoteResults } from '../facilitation/vote-results';
import { WorkshopStrip } from '../facilitation/workshop-strip';
import { boardStore } from '../store/board-store';
import { uiStore } from '../store/ui-store';
import { BoardLayer } from './board-layer';
import { ensureInitialCamera, onViewportResized } from './camera';
import { dropStaleSelection } from './stale-selection';
import { CardActionsLayer } from './card-actions-layer';
import { CardsLayer } from './cards-layer';
import { DragPreview } from './drag-preview';
import { GridLayer } from './grid-layer';
import { RemoteCursors } from './remote-cursors';
import { useCardDrag } from './use-card-drag';
import { usePanZoom } from './use-pan-zoom';
import { ZoomControls } from './zoom-controls';
import './canvas.css';
import './card.css';

/** The map: drag-and-drop context, the unscaled viewport and the one scaled board layer inside it. */
export function BoardCanvas() {
  const { t } = useTranslation();
  const viewport = useRef<HTMLDivElement>(null);
  const cardDrag = useCardDrag(viewport);
  const deckDrag = useDeckDrag(viewport);
  // One context for both kinds of drag: deck cards being dealt and notes being moved.
  const drag = useMemo(() => combineDrags(deckDrag, cardDrag), [deckDrag, cardDrag]);
  const sensors = useSensors(
    // First: it claims deck cards on Enter/Space (capture phase) before the note keyboard sensor.
    useSensor(DeckKeyboardSensor, deckDrag.keyboardOptions),
    useSensor(MouseSensor, { activationConstraint: { distance: 4 } }),
    // Press and hold picks a note up on touch screens; a quick swipe over it pans the board instead.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: cardDrag.coordinateGetter,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  return (
    <DndContext
      sensors={sensors}
      autoScroll={false}
      onDragStart={drag.onDragStart}
      onDragMove={drag.onDragMove}
      onDragEnd={drag.onDragEnd}
      onDragCancel={drag.onDragCancel}
      accessibility={{ announcements: drag.announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
    >
      {/* The deck panel shares the map's context: its cards are dragged onto the map. */}
      <div className="board-work">
        <DeckPanel />
        <div className="canvas-wrap">
          <CanvasViewport viewport={viewport} />
          <HistoryOverlay />
        </div>
        <InsightsPanel />
        <HistoryPanel />
        <FacilitationPanel />
      </div>
    </DndContext>
  );
}

function CanvasViewport({ viewport }: { viewport: React.RefObject<HTMLDivElement | null> }) {
  const { t } = useTranslation();
  // The only droppable is the unscaled viewport; where a note lands is computed from the layout.
  const { setNodeRef } = useDroppable({ id: 'viewport' });
  usePanZoom(viewport);

  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const measure = () => {
      const { w, h } = uiStore.getState().viewport;
      const changed = w !== el.clientWidth || h !== el.clientHeight;
      if (changed) uiStore.setState({ viewport: { w: el.clientWidth, h: el.clientHeight } });
      ensureInitialCamera();
      if (changed) onViewportResized();
    };
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    const unsub = boardStore.subscribe((board) => {
      // The first view waits for the board's content (stages and lanes) as well as for a size.
      ensureInitialCamera();
      dropStaleSelection(board.cards);
    });
    return () => {
      ro.disconnect();
      unsub();
    };
  }, [viewport]);

  return (
    <div
      ref={(el) => {
        viewport.current = el;
        setNodeRef(el);
      }}
      className="canvas"
      role="region"
      aria-label={t('board.mapLabel')}
    >
      <BoardLayer levelOfDetail>
        <GridLayer />
        <CardsLayer />
        <EmotionCurve />
        <FacilitationLayers />
        <InsightsHighlightLayer />
        <IdeaEffectsLayer />
        <PersonaLayer />
      </BoardLayer>
      <RemoteCursors />
      <CardActionsLayer />
      <ZoomControls />
      <WorkshopStrip />
      <VoteResults />
      {/* Inside the viewport (it is position: fixed, so not clipped): the pointer stays "on the map"
          while it is over the dragged note, and the cursor others see does not vanish mid-drag. */}
      <DragOverlay dropAnimation={null}>
        <DragPreview />
        <DeckDragPreview />
      </DragOverlay>
    </div>
  );
}
