import * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../doc/origin';
import type { Deck } from './deck-schema';
import { validateDeck } from './validate-deck';

/**
 * Custom decks live in the board's document (root `decks`: Y.Map from deck id to the deck's JSON
 * text), so every participant gets them. A deck is replaced whole, never merged field by field: two
 * facilitators importing at once end with one of the two versions, both valid. Only facilitators may
 * write this root; the server enforces it.
 */
export const DECKS_ROOT = 'decks';

export function boardDecksMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>(DECKS_ROOT);
}

/** Adds or replaces a (validated) deck on the board. */
export function importDeck(doc: Y.Doc, deck: Deck): void {
  doc.transact(() => boardDecksMap(doc).set(deck.id, JSON.stringify(deck)), LOCAL_ORIGIN);
}

export function removeDeck(doc: Y.Doc, deckId: string): boolean {
  const map = boardDecksMap(doc);
  if (!map.has(deckId)) return false;
  doc.transact(() => map.delete(deckId), LOCAL_ORIGIN);
  return true;
}

/**
 * The board's decks, each validated again on read: another program may have written anything here,
 * and an invalid entry is skipped rather than breaking the deck panel. Sorted by id for a stable list.
 */
export function readBoardDecks(doc: Y.Doc): Deck[] {
  const out: Deck[] = [];
  boardDecksMap(doc).forEach((json, id) => {
    if (typeof json !== 'string') return;
    try {
      const parsed = validateDeck(JSON.parse(json));
      if (parsed.ok && parsed.deck.id === id) out.push(parsed.deck);
    } catch {
      /* not JSON: skipped */
    }
  });
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
