import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoardDoc } from '../../../shared/doc/board-doc';
import { addCard, moveCard, setCardText } from '../../../shared/commands/cards';
import { readCards } from '../../../shared/doc/read';
import { createUndo } from './undo';

function replicas() {
  const a = new Y.Doc();
  initBoardDoc(a, { title: 't', locale: 'en', createdAt: 0 });
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  a.on('update', (u: Uint8Array, o: unknown) => o !== 'net' && Y.applyUpdate(b, u, 'net'));
  b.on('update', (u: Uint8Array, o: unknown) => o !== 'net' && Y.applyUpdate(a, u, 'net'));
  return { a, b };
}

describe('createUndo', () => {
  it('undoes one gesture at a time, and reports what is possible', () => {
    const { a } = replicas();
    const flags: Array<[boolean, boolean]> = [];
    const um = createUndo(a, (u, r) => flags.push([u, r]));
    const id = addCard(a, { stage: 'use', lane: 'goals' });
    um.stopCapturing();
    setCardText(a, id, 'h');
    setCardText(a, id, 'he');
    setCardText(a, id, 'hey');
    um.stopCapturing();
    moveCard(a, id, { stage: 'purchase', lane: 'goals' });
    um.stopCapturing();

    um.undo();
    expect(readCards(a)[0]).toMatchObject({ stage: 'use', text: 'hey' });
    um.undo();
    expect(readCards(a)[0].text).toBe('');
    um.undo();
    expect(readCards(a)).toHaveLength(0);
    expect(flags.at(-1)).toEqual([false, true]);
    um.redo();
    expect(readCards(a)).toHaveLength(1);
  });

  it("never reverts another person's work", () => {
    const { a, b } = replicas();
    const um = createUndo(a, () => {});
    addCard(a, { stage: 'use', lane: 'goals', text: 'mine' });
    um.stopCapturing();
    addCard(b, { stage: 'use', lane: 'goals', text: 'theirs' });
    um.undo();
    expect(readCards(a).map((c) => c.text)).toEqual(['theirs']);
    expect(um.canUndo()).toBe(false);
  });
});
