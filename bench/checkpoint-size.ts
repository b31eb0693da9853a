/**
 * Board history (issue 15): what one checkpoint of a board costs in the store. A checkpoint is the
 * board's full state plus a small list entry (server/history/board-history.ts); measured through the real
 * LevelDB store: the bytes written (both values, checksummed, with their keys) and the disk it takes
 * once LevelDB has moved its log into (Snappy-compressed) tables, which it does when it reopens.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import * as Y from 'yjs';
import { initBoardDoc } from '../shared/doc/board-doc';
import { summarizeBoard } from '../shared/history/version-summary';
import { versionId } from '../shared/history/version-id';
import type { VersionEntry } from '../shared/history/version-types';
import { LevelBoardStore } from '../server/storage/level-store';
import { sealRecord } from '../server/storage/record-envelope';
import { versionEntryKey, versionStateKey } from '../server/storage/level-keys';

export interface CheckpointCost {
  /** Bytes one checkpoint writes: keys and sealed values of its state and its entry. */
  written: number;
  /** Disk per checkpoint after LevelDB compacted `count` of them (a little history between each). */
  disk: number;
  count: number;
}

const dirBytes = async (dir: string) => {
  let n = 0;
  for (const f of await readdir(dir)) n += (await stat(path.join(dir, f))).size;
  return n;
};

export async function checkpointCost(state: Uint8Array, count = 20): Promise<CheckpointCost> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const board = 'benchBoardAAAAAAAAAAAA';
  const entryOf = (at: number): VersionEntry => ({ id: versionId(at), at, by: null, kind: 'auto', label: '', summary: summarizeBoard(doc) });
  const e = entryOf(Date.UTC(2026, 0, 1));
  const written =
    versionStateKey(board, e.id).length + sealRecord(Y.encodeStateAsUpdate(doc)).byteLength +
    versionEntryKey(board, e.id).length + sealRecord(new TextEncoder().encode(JSON.stringify(e))).byteLength;

  const dir = await mkdtemp(path.join(os.tmpdir(), 'journey-bench-checkpoints-'));
  try {
    let store = await LevelBoardStore.open(dir, { fsync: false });
    const empty = new Y.Doc();
    initBoardDoc(empty, { title: 'x', locale: 'en', createdAt: 1 });
    await store.createBoard({ id: board, title: 'x', locale: 'en', createdAt: 1, tokens: { facilitator: 'f', participant: 'p', viewer: 'v' } }, Y.encodeStateAsUpdate(empty));
    await store.close();
    // The store opened again, so the board's own record is in a table before we measure.
    store = await LevelBoardStore.open(dir, { fsync: false });
    await store.close();
    const before = await dirBytes(dir);
    store = await LevelBoardStore.open(dir, { fsync: false });
    const cards = doc.getMap<Y.Map<unknown>>('cards');
    const ids = [...cards.keys()];
    for (let i = 0; i < count; i++) {
      // Ten minutes of work between checkpoints: a few cards' colours change.
      for (let k = 0; k < 5; k++) cards.get(ids[(i * 5 + k) % ids.length])?.set('color', i % 2 ? '#c9e4ff' : '#ffd1dc');
      const entry = entryOf(Date.UTC(2026, 0, 1) + i * 600_000);
      await store.putVersion(board, entry, Y.encodeStateAsUpdate(doc));
    }
    await store.close();
    // Reopening moves LevelDB's log (uncompressed) into a table (compressed), as a running server's does.
    store = await LevelBoardStore.open(dir, { fsync: false });
    await store.close();
    return { written, disk: (await dirBytes(dir) - before) / count, count };
  } finally {
    doc.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
