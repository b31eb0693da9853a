/**
 * What a deck card carries while dragged. The map shares one DndContext between notes (moved) and deck
 * cards (added), so every handler first asks which kind of drag it is looking at.
 */
import type { Active } from '@dnd-kit/core';
import type { Deck, DeckCard } from '../../../shared/decks/deck-schema';

export interface DeckDragData {
  type: 'deck-card';
  deck: Deck;
  card: DeckCard;
}

/** Draggable id of a deck card; notes use their card ids, which never contain ':'. */
export const deckDragId = (deckId: string, cardId: string) => `deck:${deckId}/${cardId}`;

export function isDeckDragData(data: unknown): data is DeckDragData {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'deck-card';
}

/** True when the active drag is a deck card rather than a note on the map. */
export const isDeckDrag = (active: Pick<Active, 'data'> | null | undefined) => isDeckDragData(active?.data.current);
