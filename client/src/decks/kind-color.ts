import type { DeckCard } from '../../../shared/decks/deck-schema';
import { KIND_STYLE } from '../../../shared/decks/kind-style';

/** The colour a deck card shows and lands with: its own, else its kind's (as deckCardToAddInput does). */
export function kindColor(card: Pick<DeckCard, 'color' | 'kind'>): string {
  return card.color ?? KIND_STYLE[card.kind]?.color ?? KIND_STYLE.note.color;
}
