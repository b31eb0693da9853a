import type { CSSProperties } from 'react';
import { deckCardId, deckCardText } from '../../../shared/decks/deck-to-card';
import type { CardData } from '../../../shared/doc/schema';
import { cardMetrics } from '../../../shared/card-layout/card-metrics';
import { CardFace } from '../board/card-face';
import { useBoard } from '../store/board-store';
import { useUi } from '../store/ui-store';
import { useDeckDragging } from './deck-drag-store';
import { kindColor } from './kind-color';
import './deck-drag.css';

/**
 * The deck card under the pointer while it is dragged: drawn exactly as it will land (the same face as
 * on the map, a moment as a marker), at the size of a card at the current zoom and in the board's
 * content language, so the drop holds no surprise.
 */
export function DeckDragPreview() {
  const dragging = useDeckDragging();
  const zoom = useUi((s) => s.camera.zoom);
  const locale = useBoard((s) => s.meta.locale);
  if (!dragging) return null;
  const { deck, card } = dragging;
  const preview: CardData = {
    id: 'deck-drag-preview',
    kind: card.kind,
    text: deckCardText(card, locale),
    stage: '',
    lane: '',
    order: '',
    color: kindColor(card),
    author: '',
    createdAt: 0,
    deckCardId: deckCardId(deck, card),
    ...(card.valence !== undefined && { valence: card.valence }),
    ...(card.moment !== undefined && { moment: card.moment }),
    ...(card.kind === 'question' && { answer: '' }),
  };
  const style: CSSProperties = {
    width: cardMetrics(preview).w,
    height: cardMetrics(preview).h,
    background: preview.color,
    transform: `scale(${zoom})`,
    transformOrigin: '0 0',
  };
  return (
    <div className={`card card-overlay deck-card-overlay kind-${card.kind}`} style={style} aria-hidden>
      <CardFace card={preview} />
    </div>
  );
}
