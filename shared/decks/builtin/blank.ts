import type { Deck } from '../deck-schema';
import { makeCards } from './make';

/** A blank note: a note card puts only its `text` on the board, so this one lands empty. */
export const blankDeck: Deck = {
  formatVersion: 1,
  id: 'blank',
  title: { it: 'Nota libera', en: 'Blank note' },
  cards: makeCards('note', {}, [{ id: 'note', title: { it: 'Nota vuota', en: 'Blank note' } }]),
};
