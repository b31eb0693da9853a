import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoardDoc } from '../doc/board-doc';
import { addCard, deleteCard, moveCard, setCardText } from '../commands/cards';
import { addAxisItem, moveAxisItem, renameAxisItem } from '../commands/skeleton';
import { setLock, setSpotlight } from '../commands/facilitation';
import { changeDot, startVote } from '../commands/votes';
import { goToStep } from '../commands/agenda';
import { addPersona, deletePersona, setCardPersona, updatePersona } from '../commands/personas';
import { boardToBackup } from '../backup/to-backup';
import { SESSION_KEYS } from '../backup/fresh-workshop';
import { revertDocTo } from './revert-doc';

const copy = (doc: Y.Doc) => {
  const c = new Y.Doc();
  Y.applyUpdate(c, Y.encodeStateAsUpdate(doc));
  return c;
};
/** The board's content as a backup, without the running session's keys. */
const content = (doc: Y.Doc) => {
  const b = boardToBackup(doc, 0).board;
  const facilitation = { ...b.facilitation };
  for (const k of SESSION_KEYS) delete facilitation[k];
  return { ...b, facilitation };
};

describe('revertDocTo', () => {
  it('brings every part of the board back to the checkpoint, keeps the running session, and a second revert undoes it', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Bakery', locale: 'en', createdAt: 1 });
    const kept = addCard(doc, { stage: 'use', lane: 'ideas', text: 'Loyalty card 😀 for regulars' });
    const deleted = addCard(doc, { stage: 'awareness', lane: 'activities', text: 'Walks by' });
    const moved = addCard(doc, { stage: 'purchase', lane: 'goals', text: 'Pay fast' });
    startVote(doc, 3, null);
    changeDot(doc, 'p1', kept, 1);
    const regular = addPersona(doc, { name: 'Regular' }, 1)!;
    const tourist = addPersona(doc, { name: 'Tourist' }, 1)!;
    setCardPersona(doc, kept, regular);
    const checkpoint = copy(doc);

    // The workshop goes on: every kind of change.
    deleteCard(doc, deleted);
    moveCard(doc, moved, { stage: 'use', lane: 'activities' });
    setCardText(doc, kept, 'Loyalty card 😁 for everyone');
    addCard(doc, { stage: 'retention', lane: 'emotions', text: 'Happy' });
    renameAxisItem(doc, 'stages', 'use', 'Using it');
    addAxisItem(doc, 'lanes', 'Pains');
    moveAxisItem(doc, 'stages', 'advocacy', 0);
    setLock(doc, 'boardLocked', true);
    updatePersona(doc, regular, { name: 'Regular customer' });
    deletePersona(doc, tourist);
    addPersona(doc, { name: 'Student' }, 2);
    changeDot(doc, 'p2', kept, 1);
    doc.getMap('meta').set('title', 'Bakery (renamed)');
    goToStep(doc, 2, 1000);
    setSpotlight(doc, 'use');
    const session = { agendaStep: doc.getMap('facilitation').get('agendaStep'), timer: doc.getMap('facilitation').get('timer') };
    const beforeRevert = copy(doc);
    const keptCard = doc.getMap<Y.Map<unknown>>('cards').get(kept);

    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    revertDocTo(doc, checkpoint, 'revert');
    expect(updates.length).toBe(1); // one transaction: everyone sees one change
    expect(content(doc)).toEqual(content(checkpoint));
    expect(content(doc).personas?.map((p) => p.name).sort()).toEqual(['Regular', 'Tourist']);
    // The session that is running stays: agenda step, timer, spotlight.
    expect(doc.getMap('facilitation').get('agendaStep')).toEqual(session.agendaStep);
    expect(doc.getMap('facilitation').get('timer')).toEqual(session.timer);
    expect(doc.getMap('facilitation').get('spotlight')).toBe('use');
    // A card that existed on both sides keeps its Y.Map (and a text edit stays a patch).
    expect(doc.getMap('cards').get(kept)).toBe(keptCard);

    // Another copy of the board gets there from the one update, as a connected client would.
    const other = copy(beforeRevert);
    Y.applyUpdate(other, updates[0]);
    expect(content(other)).toEqual(content(checkpoint));

    revertDocTo(doc, beforeRevert, 'revert');
    expect(content(doc)).toEqual(content(beforeRevert));
  });

  it('a concurrent edit of another card survives the revert', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'B', locale: 'en', createdAt: 1 });
    const a = addCard(doc, { stage: 'use', lane: 'ideas', text: 'A' });
    const b = addCard(doc, { stage: 'use', lane: 'ideas', text: 'B' });
    const checkpoint = copy(doc);
    setCardText(doc, a, 'A changed');
    const client = copy(doc);
    setCardText(client, b, 'B edited offline');
    const sv = Y.encodeStateVector(doc);
    revertDocTo(doc, checkpoint, 'revert');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(client, sv));
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(client)));
    const texts = (d: Y.Doc) => Object.fromEntries(boardToBackup(d, 0).board.cards.map((c) => [c.id, c.text]));
    expect(texts(doc)).toEqual({ [a]: 'A', [b]: 'B edited offline' });
    expect(texts(client)).toEqual(texts(doc));
  });
});
