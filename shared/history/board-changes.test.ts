import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCard, deleteCard, moveCard, setCardText } from '../commands/cards';
import { addAxisItem, removeAxisItem, renameAxisItem } from '../commands/skeleton';
import { changeDot, startVote } from '../commands/votes';
import { initBoardDoc, roots } from '../doc/board-doc';
import { backupToDoc } from '../backup/from-backup';
import { boardToBackup } from '../backup/to-backup';
import { changeByCard, compareBoards, plainBoard } from './board-changes';

function workshop() {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Panificio', locale: 'en', createdAt: 1 });
  const ids = {
    search: addCard(doc, { stage: 'awareness', lane: 'activities', text: 'Searches online', now: 1 }),
    ask: addCard(doc, { stage: 'awareness', lane: 'activities', text: 'Asks a friend', now: 1 }),
    joy: addCard(doc, { stage: 'use', lane: 'emotions', kind: 'emotion', text: 'Joy', extra: { valence: 1 }, now: 1 }),
    idea: addCard(doc, { stage: 'use', lane: 'ideas', text: 'Coffee loyalty card', now: 1 }),
    queue: addCard(doc, { stage: 'purchase', lane: 'activities', text: 'Waits in the queue', now: 1 }),
  };
  return { doc, ids };
}

describe('compareBoards', () => {
  it('finds nothing between a board and itself, or its checkpoint file restored', () => {
    const { doc } = workshop();
    expect(compareBoards(plainBoard(doc), plainBoard(doc)).total).toBe(0);
    const restored = new Y.Doc();
    backupToDoc(restored, boardToBackup(doc, 5));
    const none = compareBoards(plainBoard(doc), plainBoard(restored));
    expect(none).toEqual({ stages: [], axes: [], counts: { added: 0, removed: 0, moved: 0, edited: 0 }, total: 0 });
  });

  it('lists cards added, removed, moved and edited, per stage, in map order', () => {
    const { doc, ids } = workshop();
    const checkpoint = plainBoard(doc);
    const added = addCard(doc, { stage: 'use', lane: 'activities', text: 'Opens the app' });
    deleteCard(doc, ids.queue);
    moveCard(doc, ids.ask, { stage: 'consideration', lane: 'channels' });
    setCardText(doc, ids.search, 'Searches for reviews online');
    // The emotion's valence, as the card toolbar's stepper writes it.
    doc.transact(() => roots(doc).cards.get(ids.joy)!.set('valence', -2));
    // A reorder inside one cell is not a change anyone needs to hear about.
    addCard(doc, { stage: 'awareness', lane: 'goals', text: 'x', id: 'tmp' });
    deleteCard(doc, 'tmp');

    const changes = compareBoards(checkpoint, plainBoard(doc));
    expect(changes.counts).toEqual({ added: 1, removed: 1, moved: 1, edited: 2 });
    expect(changes.total).toBe(5);
    expect(changes.stages.map((s) => [s.title, s.changes.map((c) => `${c.change}:${c.card.text}`)])).toEqual([
      ['Awareness', ['edited:Searches for reviews online']],
      ['Consideration', ['moved:Asks a friend']],
      ['Purchase', ['removed:Waits in the queue']],
      ['Use', ['added:Opens the app', 'edited:Joy']],
    ]);
    const moved = changes.stages[1].changes[0];
    expect(moved.from).toEqual({ stage: 'awareness', lane: 'activities', stageTitle: 'Awareness', laneTitle: 'Activities' });
    expect(moved.place).toMatchObject({ stageTitle: 'Consideration', laneTitle: 'Channels and touchpoints' });
    expect(moved.fields).toEqual([]);
    const joy = changes.stages[3].changes[1];
    expect(joy.fields).toEqual(['valence']);
    expect([joy.before?.valence, joy.card.valence]).toEqual([1, -2]);
    expect(changes.stages[0].changes[0].fields).toEqual(['text']);
    expect(changeByCard(changes).get(added)).toBe('added');
    expect(changeByCard(changes).get(ids.queue)).toBe('removed');
  });

  it('counts dots of the current vote as an edit, with before and after', () => {
    const { doc, ids } = workshop();
    startVote(doc, 3, 'ideas');
    const before = plainBoard(doc);
    changeDot(doc, 'p1', ids.idea, 1);
    changeDot(doc, 'p1', ids.idea, 1);
    changeDot(doc, 'p2', ids.idea, 1);
    const c = compareBoards(before, plainBoard(doc)).stages[0].changes[0];
    expect(c).toMatchObject({ change: 'edited', fields: ['votes'], votes: { before: 0, after: 3 } });
  });

  it('reports stages and lanes added, renamed and removed; cards left without a place go last', () => {
    const { doc, ids } = workshop();
    const before = plainBoard(doc);
    renameAxisItem(doc, 'stages', 'use', 'First use');
    const extra = addAxisItem(doc, 'lanes', 'Back office');
    removeAxisItem(doc, 'stages', 'purchase');
    setCardText(doc, ids.queue, 'Waits too long');
    const changes = compareBoards(before, plainBoard(doc));
    expect(changes.axes).toEqual([
      { axis: 'stages', change: 'renamed', id: 'use', title: 'First use', oldTitle: 'Use' },
      { axis: 'stages', change: 'removed', id: 'purchase', title: 'Purchase' },
      { axis: 'lanes', change: 'added', id: extra, title: 'Back office' },
    ]);
    // The queue card lost its stage: it is listed with the cards that are not placed.
    const last = changes.stages.at(-1)!;
    expect(last.stageId).toBeNull();
    expect(last.changes.map((c) => c.id)).toEqual([ids.queue]);
  });
});
