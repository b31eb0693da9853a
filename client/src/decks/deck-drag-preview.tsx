import type { CSSProperties } from 'react';
import { deckCardText } from '../../../shared/decks/deck-to-card';
import { GEOMETRY } from '../../../shared/layout';
import { useBoard } from '../store/board-store';
import { useUi } from '../store/ui-store';
import { cardIcon } from './deck-icons';
import { useDeckDragging } from './deck-drag-store';
import { kindColor } from './kind-color';

/**
 * The deck card under the pointer while it is dragged: drawn as it will land, at the size of a note on
 * the map at the current zoom and in the board's content language, so the drop holds no surprise.
 */
export function DeckDragPreview() {
  const dragging = useDeckDragging();
  const zoom = useUi((s) => s.camera.zoom);
  const locale = useBoard((s) => s.meta.locale);
  if (!dragging) return null;
  const { card } = dragging;
  const Icon = cardIcon(card.icon, card.kind);
  const text = deckCardText(card, locale) || card.title[locale];
  const style: CSSProperties = {
    width: GEOMETRY.cardW,
    height: GEOMETRY.cardH,
    background: kindColor(card),
    transform: `scale(${zoom})`,
    transformOrigin: '0 0',
  };
  return (
    <div className={`card card-overlay deck-card-overlay kind-${card.kind}`} style={style}>
      <Icon aria-hidden size={14} className="deck-card-overlay-icon" />
      <div className="card-text">{text}</div>
    </div>
  );
}
