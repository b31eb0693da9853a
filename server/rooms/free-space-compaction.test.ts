import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, deleteCard } from '../../shared/commands';
import { createBoard } from '../boards';
import { createLogger } from '../log';
import { Metrics } from '../metrics';
import { LevelBoardStore } from '../storage/level-store';
import { tempDir } from '../test-support/server';
import { FREE_SPACE_COMPACT_INTERVAL_MS, Room } from './room';

/**
 * A write refused for size compacts the board only when that can give space back (something was
 * deleted since the last snapshot), and at most once every FREE_SPACE_COMPACT_INTERVAL_MS: a stream of
 * big writes refused on a full board made the server re-encode and rewrite the whole board about once
 * a second, holding every board's event loop (bench section 5, "big writes").
 */
describe('compaction to free space after a refusal', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });

  async function openRoom() {
    const dir = await tempDir();
    const store = await LevelBoardStore.open(dir, { fsync: false });
    cleanup.push(() => rm(dir, { recursive: true, force: true }), () => store.close());
    const record = await createBoard(store, { title: 't', locale: 'en' });
    const room = new Room(record.id, store, createLogger('silent'), new Metrics(), 1000);
    await room.load();
    /** A change made by a client: its own doc, synced, changed, sent back. */
    const write = (change: (doc: Y.Doc) => void) => {
      const w = new Y.Doc();
      Y.applyUpdate(w, Y.encodeStateAsUpdate(room.doc));
      const before = Y.encodeStateVector(w);
      change(w);
      Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(w, before), 'test');
    };
    return { room, store, write };
  }

  it('never compacts for a board where nothing was deleted since its snapshot: nothing would be given back', async () => {
    const { room, write } = await openRoom();
    await room.compact(); // the board as created, its snapshot fresh
    for (let i = 0; i < 5; i++) write((d) => addCard(d, { stage: 'use', lane: 'ideas', text: 'w'.repeat(4000) }));
    await room.flushed();
    const stored = room.storedBytes;
    expect(room.compactToFreeSpace(0)).toBe(false);
    expect(room.compactToFreeSpace(10 * FREE_SPACE_COMPACT_INTERVAL_MS)).toBe(false);
    await room.flushed();
    expect(room.storedBytes).toBe(stored);
  });

  it('compacts after a deletion, giving the deleted bytes back; then not again within the interval, nor without a new deletion', async () => {
    const { room, write } = await openRoom();
    let ids: string[] = [];
    write((d) => (ids = [0, 1, 2, 3].map(() => addCard(d, { stage: 'use', lane: 'ideas', text: 'w'.repeat(4000) }))));
    await room.compact();
    const full = room.storedBytes;
    write((d) => deleteCard(d, ids[0]));
    await room.flushed();
    expect(room.storedBytes).toBeGreaterThan(full); // a deletion alone takes room until a compaction

    const t0 = 1_000_000;
    expect(room.compactToFreeSpace(t0)).toBe(true);
    await room.compact(); // waits for the one just started
    expect(room.storedBytes).toBeLessThan(full - 3000); // the card's 4,000 characters are given back

    write((d) => deleteCard(d, ids[1]));
    await room.flushed();
    expect(room.compactToFreeSpace(t0 + FREE_SPACE_COMPACT_INTERVAL_MS - 1)).toBe(false);
    expect(room.compactToFreeSpace(t0 + FREE_SPACE_COMPACT_INTERVAL_MS)).toBe(true);
    await room.compact();
    // Nothing deleted since that snapshot: no reason to compact again, however long it has been.
    expect(room.compactToFreeSpace(t0 + 5 * FREE_SPACE_COMPACT_INTERVAL_MS)).toBe(false);
  });

  it('counts deletions that were stored but not yet compacted when the board was loaded', async () => {
    const first = await openRoom();
    let id = '';
    first.write((d) => (id = addCard(d, { stage: 'use', lane: 'ideas', text: 'w'.repeat(4000) })));
    await first.room.compact();
    first.write((d) => deleteCard(d, id));
    await first.room.flushed();
    const again = new Room(first.room.id, first.store, createLogger('silent'), new Metrics(), 1000);
    await again.load();
    expect(again.compactToFreeSpace(0)).toBe(true);
    await again.compact();
  });
});
