import { useEffect, useRef } from 'react';
import { DndContext, DragOverlay, KeyboardSensor, MouseSensor, TouchSensor, useDroppable, useSensor, useSensors } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { boardStore } from '../store/board-store';
import { uiStore } from '../store/ui-store';
import { BoardLayer } from './board-layer';
import { ensureInitialCamera } from './camera';
import { dropStaleSelection } from './stale-selection';
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
  const drag = useCardDrag(viewport);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 4 } }),
    // Press and hold picks a note up on touch screens; a quick swipe over it pans the board instead.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: drag.coordinateGetter,
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
      <CanvasViewport viewport={viewport} />
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
      uiStore.setState({ viewport: { w: el.clientWidth, h: el.clientHeight } });
      ensureInitialCamera();
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
      <BoardLayer>
        <GridLayer />
        <CardsLayer />
        <RemoteCursors />
      </BoardLayer>
      <ZoomControls />
      {/* Inside the viewport (it is position: fixed, so not clipped): the pointer stays "on the map"
          while it is over the dragged note, and the cursor others see does not vanish mid-drag. */}
      <DragOverlay dropAnimation={null}>
        <DragPreview />
      </DragOverlay>
    </div>
  );
}
