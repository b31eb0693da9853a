import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { LevelBoardStore } from '../storage/level-store';
import type { BoardRecord } from '../storage/board-store';
import { tempDir } from './support';

/**
 * LevelDB runs each batch on a thread of its own: two batches handed over at once may commit in either
 * order. The store must commit them in the order they were issued, or an older compaction could land
 * after a newer one: an old snapshot, with the updates it did not contain already deleted.
 */
type Batch = (ops: unknown[], opts: unknown) => Promise<void>;

const record: BoardRecord = {
  id: 'orderAAAAAAAAAAAAAAAAA',
  title: 't',
  locale: 'en',
  createdAt: 0,
  tokens: { facilitator: 'f'.repeat(22), participant: 'p'.repeat(22), viewer: 'v'.repeat(22) },
};

let dir: string | undefined;
let store: LevelBoardStore | undefined;
afterEach(async () => {
  await store?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  store = undefined;
});

/** Wraps the store's LevelDB batch: the first call is slow (a disk stall), and calls are recorded. */
function instrument(s: LevelBoardStore) {
  const db = (s as unknown as { db: { batch: Batch } }).db;
  const real = db.batch.bind(db);
  const log = { calls: 0, inFlight: 0, maxInFlight: 0 };
  db.batch = async (ops, opts) => {
    const n = log.calls++;
    log.inFlight++;
    log.maxInFlight = Math.max(log.maxInFlight, log.inFlight);
    try {
      if (n === 0) await new Promise((r) => setTimeout(r, 200));
      return await real(ops, opts);
    } finally {
      log.inFlight--;
    }
  };
  return log;
}

const tick = () => new Promise((r) => setImmediate(r));

describe.sequential('store write order', () => {
  it('two compactions issued one after the other land in that order, even when the first one stalls', async () => {
    dir = await tempDir('journey-order-');
    store = await LevelBoardStore.open(dir, { fsync: false });
    await store.createBoard(record, Uint8Array.of(0));
    for (let seq = 0; seq < 10; seq++) await store.appendUpdate(record.id, seq, Uint8Array.of(seq));
    const log = instrument(store);
    const older = store.compact(record.id, Uint8Array.of(1, 1, 1), 0, 5);
    await tick();
    const newer = store.compact(record.id, Uint8Array.of(2, 2, 2), 5, 10);
    await Promise.all([older, newer]);
    const stored = await store.loadDoc(record.id);
    expect(Array.from(stored.snapshot ?? [])).toEqual([2, 2, 2]);
    expect(stored.updates).toEqual([]);
    expect(log.maxInFlight).toBe(1);
  });

  it('writes issued while a batch is in flight wait, and go together in the next batch', async () => {
    dir = await tempDir('journey-order-');
    store = await LevelBoardStore.open(dir, { fsync: false });
    await store.createBoard(record, Uint8Array.of(0));
    const log = instrument(store);
    const writes: Promise<void>[] = [];
    for (let seq = 0; seq < 50; seq++) {
      writes.push(store.appendUpdate(record.id, seq, Uint8Array.of(seq)));
      await tick();
    }
    await Promise.all(writes);
    expect(log.maxInFlight).toBe(1);
    expect(log.calls).toBeLessThan(10); // grouped while the first one stalled
    const stored = await store.loadDoc(record.id);
    expect(stored.updates.map((u) => u[0])).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('close() waits for a batch in flight and for writes queued behind it', async () => {
    dir = await tempDir('journey-order-');
    store = await LevelBoardStore.open(dir, { fsync: false });
    await store.createBoard(record, Uint8Array.of(0));
    instrument(store);
    const first = store.appendUpdate(record.id, 0, Uint8Array.of(0));
    await tick();
    const second = store.appendUpdate(record.id, 1, Uint8Array.of(1));
    await store.close();
    await Promise.all([first, second]);
    store = await LevelBoardStore.open(dir, { fsync: false });
    expect((await store.loadDoc(record.id)).updates.length).toBe(2);
  });
});
