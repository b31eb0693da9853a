import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tempDir } from '../test-support/server';
import { LevelBoardStore } from './level-store';

describe('LevelBoardStore', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });
  const open = async () => {
    const dir = await tempDir('journey-level-');
    dirs.push(dir);
    return { dir, store: await LevelBoardStore.open(dir, { fsync: false }) };
  };
  const record = (id: string) => ({ id, title: 't', locale: 'en' as const, createdAt: 1, tokens: { facilitator: 'f', participant: 'p', viewer: 'v' } });

  it('loadDoc reads a consistent state while a compaction lands', async () => {
    const { store } = await open();
    const id = 'board-consistent-read';
    const doc = new Y.Doc();
    await store.createBoard(record(id), Y.encodeStateAsUpdate(doc));
    let seq = 0;
    let first = 0;
    try {
      for (let round = 0; round < 60; round++) {
        const before = Y.encodeStateVector(doc);
        doc.getArray<number>('n').push([round]);
        await store.appendUpdate(id, seq++, Y.encodeStateAsUpdate(doc, before));
        // A read and a compaction at the same moment, as when a board is opened while another copy compacts.
        const [stored] = await Promise.all([store.loadDoc(id), store.compact(id, Y.encodeStateAsUpdate(doc), first, seq)]);
        first = seq;
        const read = new Y.Doc();
        for (const u of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(read, u);
        expect(read.getArray('n').length, `round ${round}`).toBe(round + 1);
      }
    } finally {
      await store.close();
    }
  });

  it('keeps records, snapshot and updates across reopening; a second open of the directory is refused', async () => {
    const { dir, store } = await open();
    const id = 'board-reopen';
    const doc = new Y.Doc();
    doc.getMap('m').set('a', 1);
    await store.createBoard(record(id), Y.encodeStateAsUpdate(doc));
    const sv = Y.encodeStateVector(doc);
    doc.getMap('m').set('b', 2);
    await store.appendUpdate(id, 0, Y.encodeStateAsUpdate(doc, sv));
    await expect(LevelBoardStore.open(dir, { fsync: false })).rejects.toThrow(dir);
    await store.close();
    const again = await LevelBoardStore.open(dir, { fsync: false });
    try {
      expect(await again.getBoard(id)).toEqual(record(id));
      expect(await again.getBoard('nope')).toBeNull();
      const stored = await again.loadDoc(id);
      expect(stored.updates).toHaveLength(1);
      expect(stored.nextSeq).toBe(1);
      const read = new Y.Doc();
      for (const u of [stored.snapshot!, ...stored.updates]) Y.applyUpdate(read, u);
      expect(read.getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
    } finally {
      await again.close();
    }
  });
});
