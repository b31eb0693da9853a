import type { Deck } from '../../../shared/decks/deck-schema';
import { deckFileName, deckFileText } from './deck-import';

/** Saves a deck as a JSON file in the deck format, ready to edit and import into another board. */
export function downloadDeck(deck: Deck): void {
  const url = URL.createObjectURL(new Blob([deckFileText(deck)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = deckFileName(deck);
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked on the next tick: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
