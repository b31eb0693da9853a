import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { initBoardDoc } from '../doc/board-doc';
import { readCards } from '../doc/read';
import { addCard, cellCards, deleteCard, moveCard, setCardColor, setCardText } from './cards';

function board() {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'T', locale: 'en', createdAt: 1 });
  return doc;
}
const texts = (doc: Y.Doc, stage: string, lane: string) => cellCards(doc, stage, lane).map((c) => c.text);

describe('card commands', () => {
  it('adds cards last in their cell, or before a given card', () => {
    const doc = board();
    const a = addCard(doc, { stage: 'use', lane: 'goals', text: 'A', author: 'Ada' });
    addCard(doc, { stage: 'use', lane: 'goals', text: 'C' });
    addCard(doc, { stage: 'use', lane: 'goals', text: 'B', beforeId: cellCards(doc, 'use', 'goals')[1].id });
    expect(texts(doc, 'use', 'goals')).toEqual(['A', 'B', 'C']);
    const card = readCards(doc).find((c) => c.id === a)!;
    expect(card).toMatchObject({ kind: 'note', stage: 'use', lane: 'goals', author: 'Ada', text: 'A' });
    expect(card.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('moves a card to another cell and reorders inside a cell', () => {
    const doc = board();
    const [a, b, c] = ['A', 'B', 'C'].map((text) => addCard(doc, { stage: 'awareness', lane: 'activities', text }));
    moveCard(doc, c, { stage: 'awareness', lane: 'activities', beforeId: a });
    expect(texts(doc, 'awareness', 'activities')).toEqual(['C', 'A', 'B']);
    moveCard(doc, a, { stage: 'purchase', lane: 'ideas' });
    expect(texts(doc, 'awareness', 'activities')).toEqual(['C', 'B']);
    expect(texts(doc, 'purchase', 'ideas')).toEqual(['A']);
    expect(moveCard(doc, b, { stage: 'awareness', lane: 'activities', beforeId: b })).toBe(false);
  });

  it('writes a move as one transaction with one update', () => {
    const doc = board();
    const a = addCard(doc, { stage: 'use', lane: 'goals', text: 'A' });
    let updates = 0;
    doc.on('update', () => updates++);
    moveCard(doc, a, { stage: 'retention', lane: 'emotions' });
    expect(updates).toBe(1);
  });

  it('edits text as a minimal change, so concurrent edits keep both', () => {
    const d1 = board();
    const id = addCard(d1, { stage: 'use', lane: 'goals', text: 'hello world' });
    const d2 = new Y.Doc();
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1));
    setCardText(d1, id, 'hello big world');
    setCardText(d2, id, 'hello world!');
    Y.applyUpdate(d1, Y.encodeStateAsUpdate(d2));
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1));
    const t1 = readCards(d1)[0].text;
    expect(t1).toBe('hello big world!');
    expect(readCards(d2)[0].text).toBe(t1);
  });

  it('changes colour and deletes', () => {
    const doc = board();
    const id = addCard(doc, { stage: 'use', lane: 'goals' });
    expect(setCardColor(doc, id, '#c9e4ff')).toBe(true);
    expect(readCards(doc)[0].color).toBe('#c9e4ff');
    expect(deleteCard(doc, id)).toBe(true);
    expect(readCards(doc)).toEqual([]);
    expect(deleteCard(doc, id)).toBe(false);
  });

  it('keeps typed fields of deck cards', () => {
    const doc = board();
    addCard(doc, { stage: 'use', lane: 'emotions', kind: 'emotion', extra: { deckCardId: 'emotions/joy', valence: 2 } });
    addCard(doc, { stage: 'use', lane: 'ideas', kind: 'question', extra: { answer: 'yes' } });
    const [e, q] = readCards(doc).sort((x, y) => x.kind.localeCompare(y.kind));
    expect(e).toMatchObject({ kind: 'emotion', valence: 2, deckCardId: 'emotions/joy' });
    expect(q).toMatchObject({ kind: 'question', answer: 'yes' });
  });
});
