import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoardDoc } from '../../../shared/doc/board-doc';
import { addCard, deleteCard, moveCard, setCardColor, setCardText } from '../../../shared/commands/cards';
import { addAxisItem, removeAxisItem, renameAxisItem } from '../../../shared/commands/skeleton';
import { readCards } from '../../../shared/doc/read';
import { createBoardStore } from '../store/board-store';
import { projectDoc, reuseAxis } from './project-doc';

function setup() {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Bakery', locale: 'en', createdAt: 1 });
  const store = createBoardStore();
  const stop = projectDoc(doc, store);
  return { doc, store, stop };
}

/** Two replicas wired like the server would: every update goes to the other side. */
function pair() {
  const a = setup();
  const b = { doc: new Y.Doc(), store: createBoardStore() };
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
  projectDoc(b.doc, b.store);
  a.doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b.doc, u, 'remote'));
  b.doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a.doc, u, 'remote'));
  return { a, b };
}

describe('projectDoc', () => {
  it('starts from the document as it is', () => {
    const { store } = setup();
    const s = store.getState();
    expect(s.meta.title).toBe('Bakery');
    expect(s.stages.map((x) => x.id)).toHaveLength(6);
    expect(s.lanes).toHaveLength(5);
    expect(s.layout.columns).toHaveLength(6);
  });

  it('patches only the card that changed and keeps the others identical', () => {
    const { doc, store } = setup();
    const a = addCard(doc, { stage: 'use', lane: 'goals', text: 'one' });
    const b = addCard(doc, { stage: 'use', lane: 'goals', text: 'two' });
    const before = store.getState();
    setCardText(doc, a, 'one!');
    const after = store.getState();
    expect(after.cards[a].text).toBe('one!');
    expect(after.cards[b]).toBe(before.cards[b]);
    // A text edit does not move anything: the layout object is reused.
    expect(after.layout).toBe(before.layout);
    expect(after.stages).toBe(before.stages);
  });

  it('recomputes the layout on moves, adds and deletes', () => {
    const { doc, store } = setup();
    const a = addCard(doc, { stage: 'use', lane: 'goals' });
    const l1 = store.getState().layout;
    expect(l1.cards.get(a)).toMatchObject({ stage: 'use', lane: 'goals' });
    moveCard(doc, a, { stage: 'purchase', lane: 'ideas' });
    const l2 = store.getState().layout;
    expect(l2).not.toBe(l1);
    expect(l2.cards.get(a)).toMatchObject({ stage: 'purchase', lane: 'ideas' });
    setCardColor(doc, a, '#c9e4ff');
    expect(store.getState().layout).toBe(l2);
    expect(store.getState().cards[a].color).toBe('#c9e4ff');
    deleteCard(doc, a);
    expect(store.getState().cards[a]).toBeUndefined();
    expect(store.getState().layout.cards.has(a)).toBe(false);
  });

  it('keeps unchanged stages identical on a rename and sends cards of a removed stage to the unplaced strip', () => {
    const { doc, store } = setup();
    const c = addCard(doc, { stage: 'advocacy', lane: 'ideas' });
    const s0 = store.getState().stages;
    renameAxisItem(doc, 'stages', 'use', 'First use');
    const s1 = store.getState().stages;
    expect(s1.find((s) => s.id === 'use')!.title).toBe('First use');
    expect(s1[0]).toBe(s0[0]);
    removeAxisItem(doc, 'stages', 'advocacy');
    expect(store.getState().layout.unplaced?.ids).toEqual([c]);
    const added = addAxisItem(doc, 'lanes', 'Pains');
    expect(store.getState().lanes.at(-1)).toEqual({ id: added, title: 'Pains' });
  });

  it('projects remote transactions the same way and converges with the document', () => {
    const { a, b } = pair();
    const id = addCard(a.doc, { stage: 'awareness', lane: 'activities', text: 'seen an ad' });
    expect(b.store.getState().cards[id].text).toBe('seen an ad');
    setCardText(b.doc, id, 'seen an ad on TV');
    expect(a.store.getState().cards[id].text).toBe('seen an ad on TV');
    for (let i = 0; i < 20; i++) addCard(i % 2 ? a.doc : b.doc, { stage: 'use', lane: 'emotions', text: String(i) });
    const fromDoc = Object.fromEntries(readCards(a.doc).map((c) => [c.id, c]));
    expect(a.store.getState().cards).toEqual(fromDoc);
    expect(b.store.getState().cards).toEqual(fromDoc);
  });

  it('stops observing when asked', () => {
    const { doc, store, stop } = setup();
    stop();
    addCard(doc, { stage: 'use', lane: 'goals' });
    expect(Object.keys(store.getState().cards)).toHaveLength(0);
  });
});

describe('reuseAxis', () => {
  it('returns the previous array when nothing changed', () => {
    const prev = [{ id: 'a', title: 'A' }];
    expect(reuseAxis(prev, [{ id: 'a', title: 'A' }])).toBe(prev);
    expect(reuseAxis(prev, [{ id: 'a', title: 'B' }])).not.toBe(prev);
  });
});
