import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { initBoardDoc, roots } from '../doc/board-doc';
import { readAxis, readCards, readMeta } from '../doc/read';
import { addCard, moveCard } from './cards';
import { addAxisItem, moveAxisItem, removeAxisItem, renameAxisItem } from './skeleton';

const ids = (doc: Y.Doc, which: 'stages' | 'lanes') => readAxis(roots(doc)[which]).map((s) => s.id);

describe('a new board', () => {
  it('has meta, six stages and five lanes in its language', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Caffè', locale: 'it', createdAt: 5 });
    expect(readMeta(doc)).toEqual({ schemaVersion: 1, title: 'Caffè', locale: 'it', createdAt: 5 });
    expect(ids(doc, 'stages')).toEqual(['awareness', 'consideration', 'purchase', 'use', 'retention', 'advocacy']);
    expect(readAxis(roots(doc).stages)[0].title).toBe('Consapevolezza');
    expect(ids(doc, 'lanes')).toEqual(['activities', 'goals', 'emotions', 'channels', 'ideas']);
  });
});

describe('skeleton commands', () => {
  const board = () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'T', locale: 'en', createdAt: 1 });
    return doc;
  };

  it('renames, adds, moves and removes stages and lanes', () => {
    const doc = board();
    renameAxisItem(doc, 'stages', 'use', 'First use');
    expect(readAxis(roots(doc).stages)[3]).toEqual({ id: 'use', title: 'First use' });
    const extra = addAxisItem(doc, 'lanes', 'Pain points', 1);
    expect(ids(doc, 'lanes')[1]).toBe(extra);
    moveAxisItem(doc, 'stages', 'advocacy', 0);
    expect(ids(doc, 'stages')[0]).toBe('advocacy');
    expect(readAxis(roots(doc).stages)[0].title).toBe('Advocacy');
    removeAxisItem(doc, 'stages', 'purchase');
    expect(ids(doc, 'stages')).not.toContain('purchase');
  });

  it('shows one copy when two people move the same stage at once', () => {
    const d1 = board();
    const d2 = new Y.Doc();
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1));
    moveAxisItem(d1, 'stages', 'use', 0);
    moveAxisItem(d2, 'stages', 'use', 5);
    Y.applyUpdate(d1, Y.encodeStateAsUpdate(d2));
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1));
    expect(ids(d1, 'stages').filter((id) => id === 'use')).toHaveLength(1);
    expect(ids(d1, 'stages')).toEqual(ids(d2, 'stages'));
    expect(ids(d1, 'stages')).toHaveLength(6);
  });
});

describe('removing a stage or lane that holds cards', () => {
  it('keeps the cards and records the titles of the cell they were in; placing a card again forgets them', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Bici', locale: 'en', createdAt: 0 });
    const idea = addCard(doc, { stage: 'retention', lane: 'ideas', text: 'Bikes near the station' });
    const other = addCard(doc, { stage: 'use', lane: 'goals', text: 'untouched' });
    const notMine = addCard(doc, { stage: 'advocacy', lane: 'ideas', text: 'theirs', ownerId: 'someone' });
    removeAxisItem(doc, 'lanes', 'ideas', (owner) => owner !== 'someone');
    const byId = (id: string) => readCards(doc).find((c) => c.id === id)!;
    expect(byId(idea)).toMatchObject({ stage: 'retention', lane: 'ideas', wasIn: { stage: 'Retention', lane: 'Ideas' } });
    expect(byId(other).wasIn).toBeUndefined();
    expect(byId(notMine).wasIn).toBeUndefined();
    // A second removal keeps the first record (the lane's title is gone, the stage's was known).
    removeAxisItem(doc, 'stages', 'retention');
    expect(byId(idea).wasIn).toEqual({ stage: 'Retention', lane: 'Ideas' });
    moveCard(doc, idea, { stage: 'use', lane: 'goals' });
    expect(byId(idea).wasIn).toBeUndefined();
  });
});
