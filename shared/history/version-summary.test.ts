import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoardDoc } from '../doc/board-doc';
import { addCard } from '../commands/cards';
import { changeDot, startVote } from '../commands/votes';
import { removeAxisItem } from '../commands/skeleton';
import { summarizeBoard, summarizeState } from './version-summary';
import { versionId } from './version-id';
import { isVersionId } from './version-types';

function board() {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Bakery', locale: 'en', createdAt: 1 });
  return doc;
}

describe('summarizeBoard', () => {
  it('counts cards per stage in stage order, placed moments, unplaced cards and the current vote’s dots', () => {
    const doc = board();
    addCard(doc, { stage: 'awareness', lane: 'activities', text: 'Searches' });
    addCard(doc, { stage: 'awareness', lane: 'emotions', text: 'Curious' });
    const idea = addCard(doc, { stage: 'use', lane: 'ideas', text: 'Loyalty card' });
    addCard(doc, { stage: 'purchase', lane: 'activities', kind: 'moment', text: 'Truth', extra: { moment: 'truth' } });
    addCard(doc, { stage: 'advocacy', lane: 'goals', text: 'Tell friends' });
    // A removed stage leaves its cards unplaced ("Was in: …"), and the stage leaves the list.
    removeAxisItem(doc, 'stages', 'advocacy');
    startVote(doc, 3, null);
    changeDot(doc, 'person-a', idea, 1);
    changeDot(doc, 'person-a', idea, 1);
    changeDot(doc, 'person-b', idea, 1);

    const s = summarizeBoard(doc);
    expect(s.cards).toBe(5);
    expect(s.cardsPerStage).toEqual([
      { stage: 'awareness', title: 'Awareness', cards: 2 },
      { stage: 'consideration', title: 'Consideration', cards: 0 },
      { stage: 'purchase', title: 'Purchase', cards: 1 },
      { stage: 'use', title: 'Use', cards: 1 },
      { stage: 'retention', title: 'Retention', cards: 0 },
    ]);
    expect(s.unplaced).toBe(1);
    expect(s.moments).toBe(1);
    expect(s.votes).toBe(3);
    // A new vote starts from zero: earlier dots stay in the document but do not count.
    startVote(doc, 3, null);
    expect(summarizeBoard(doc).votes).toBe(0);
    expect(summarizeState(Y.encodeStateAsUpdate(doc))).toEqual(summarizeBoard(doc));
  });

  it('an empty document counts nothing', () => {
    expect(summarizeState(Y.encodeStateAsUpdate(new Y.Doc()))).toEqual({ cards: 0, cardsPerStage: [], unplaced: 0, moments: 0, votes: 0 });
  });
});

describe('versionId', () => {
  it('sorts like the time it was taken, differs within one millisecond, and passes its own check', () => {
    const ids = [1, 999, 1_795_430_400_000, 1_795_430_400_001].map(versionId);
    expect([...ids].sort()).toEqual(ids);
    expect(versionId(5)).not.toBe(versionId(5));
    for (const id of ids) expect(isVersionId(id)).toBe(true);
    expect(isVersionId('../../etc')).toBe(false);
    expect(isVersionId('')).toBe(false);
  });
});
