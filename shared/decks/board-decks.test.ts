import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DECKS } from './builtin';
import { boardDecksMap, importDeck, readBoardDecks, removeDeck } from './board-decks';

describe('decks stored in the board document', () => {
  it('round-trips a deck to another replica and removes it', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const deck = { ...BUILTIN_DECKS[0], id: 'acme-moments' };
    importDeck(a, deck);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readBoardDecks(b)).toEqual([deck]);
    removeDeck(a, 'acme-moments');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readBoardDecks(b)).toEqual([]);
  });

  it('skips entries written by other programs that are not valid decks', () => {
    const doc = new Y.Doc();
    boardDecksMap(doc).set('broken', '{not json');
    boardDecksMap(doc).set('wrong-shape', JSON.stringify({ id: 'wrong-shape' }));
    boardDecksMap(doc).set('other-id', JSON.stringify({ ...BUILTIN_DECKS[1] }));
    importDeck(doc, { ...BUILTIN_DECKS[1], id: 'fine' });
    expect(readBoardDecks(doc).map((d) => d.id)).toEqual(['fine']);
  });
});
