import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard } from '../../shared/commands';
import { readCards } from '../../shared/doc/read';
import { createBoard } from '../boards';
import { createLogger } from '../log';
import { Metrics } from '../metrics';
import type { BoardStore } from '../storage/board-store';
import { LevelBoardStore } from '../storage/level-store';
import { createBoardViaApi, destroyAllClients, syncedClient, waitUntil } from '../test-support/clients';
import { startTestServer, tempDir, type TestServer } from '../test-support/server';
import { RoomManager } from './room-manager';
import { rm } from 'node:fs/promises';

describe('boards leave memory when nobody uses them', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ unloadDelayMs: 100 });
  });
  afterEach(() => destroyAllClients());
  afterAll(async () => t?.stop());

  it('unloads a board after its last client leaves, and reloads it with its content', async () => {
    const b = await createBoardViaApi(t.url);
    const other = await createBoardViaApi(t.url);
    const p = await syncedClient(t.url, b.id, b.tokens.participant);
    const f = await syncedClient(t.url, b.id, b.tokens.facilitator);
    const ids = [0, 1, 2].map((i) => addCard(p.doc, { stage: 'use', lane: 'ideas', text: `card ${i}` }));
    await f.waitFor(() => ids.every((id) => f.doc.getMap('cards').has(id)), 'the cards');
    expect(t.server.rooms.size).toBe(1);

    p.destroy();
    // One client left: the board stays, well past the delay.
    await new Promise((r) => setTimeout(r, 250));
    expect(t.server.rooms.size).toBe(1);
    f.destroy();
    await waitUntil(() => t.server.rooms.size === 0, 'the board to unload', 3000);

    const loadsBefore = t.server.metrics.boardsLoaded;
    const back = await syncedClient(t.url, b.id, b.tokens.viewer);
    expect(t.server.rooms.size).toBe(1);
    expect(t.server.metrics.boardsLoaded).toBe(loadsBefore + 1);
    expect(readCards(back.doc).map((c) => c.text).sort()).toEqual(['card 0', 'card 1', 'card 2']);
    expect(back.doc.getArray('stages').length).toBe(6);

    // A second board comes and goes on its own.
    const o = await syncedClient(t.url, other.id, other.tokens.viewer);
    expect(t.server.rooms.size).toBe(2);
    o.destroy();
    await waitUntil(() => t.server.rooms.size === 1, 'the other board to unload', 3000);
    back.destroy();
    await waitUntil(() => t.server.rooms.size === 0, 'both boards unloaded', 3000);
  });

  it('a client that comes back before the delay keeps the board loaded', async () => {
    const b = await createBoardViaApi(t.url);
    const c1 = await syncedClient(t.url, b.id, b.tokens.participant);
    const loads = t.server.metrics.boardsLoaded;
    c1.destroy();
    const c2 = await syncedClient(t.url, b.id, b.tokens.participant);
    await new Promise((r) => setTimeout(r, 250));
    expect(t.server.rooms.size).toBe(1);
    expect(t.server.metrics.boardsLoaded).toBe(loads);
    const id = addCard(c2.doc, { stage: 'use', lane: 'ideas', text: 'still here' });
    c2.destroy();
    await waitUntil(() => t.server.rooms.size === 0, 'the board to unload', 3000);
    const c3 = await syncedClient(t.url, b.id, b.tokens.viewer);
    expect(c3.doc.getMap('cards').has(id)).toBe(true);
  });
});

describe('RoomManager: a board reopened while it unloads', () => {
  it('loses no write: the unloading copy’s last snapshot never overwrites the reopened copy’s', async () => {
    const dir = await tempDir();
    const inner = await LevelBoardStore.open(dir, { fsync: false });
    // The first compaction (the unload's) waits at a gate, so the reopen happens while it is pending.
    let releaseGate: () => void = () => {};
    const gate = new Promise<void>((r) => (releaseGate = r));
    let unloadCompacting: () => void = () => {};
    const compactingNow = new Promise<void>((r) => (unloadCompacting = r));
    let firstCompactDone: Promise<void> | null = null;
    const store: BoardStore = {
      createBoard: (r, s) => inner.createBoard(r, s),
      getBoard: (id) => inner.getBoard(id),
      appendUpdate: (id, seq, u) => inner.appendUpdate(id, seq, u),
      loadDoc: (id) => inner.loadDoc(id),
      loadClientOwners: (id) => inner.loadClientOwners(id),
      bindClientOwners: (id, b) => inner.bindClientOwners(id, b),
      putVersion: (id, e, s) => inner.putVersion(id, e, s),
      listVersions: (id) => inner.listVersions(id),
      getVersion: (id, v) => inner.getVersion(id, v),
      deleteVersions: (id, v) => inner.deleteVersions(id, v),
      compact(id, snapshot, from, upto) {
        if (firstCompactDone) return inner.compact(id, snapshot, from, upto);
        unloadCompacting();
        firstCompactDone = gate.then(() => inner.compact(id, snapshot, from, upto));
        return firstCompactDone;
      },
      close: () => inner.close(),
    };
    const opts = { unloadDelayMs: 0, compactEvery: 1000, awarenessFlushMs: 50 };
    const rooms = new RoomManager(store, createLogger('silent'), new Metrics(), opts);
    const write = (doc: Y.Doc, text: string) => {
      const w = new Y.Doc();
      Y.applyUpdate(w, Y.encodeStateAsUpdate(doc));
      addCard(w, { stage: 'use', lane: 'ideas', text });
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(w), 'test');
    };
    try {
      const record = await createBoard(store, { title: 't', locale: 'en' });
      const room = await rooms.open(record.id);
      for (let i = 0; i < 3; i++) write(room.doc, `before ${i}`);
      await room.flushed();
      rooms.release(room);
      await compactingNow; // the unload is writing its snapshot

      const reopened = rooms.open(record.id);
      const early = await Promise.race([reopened, new Promise<null>((r) => setTimeout(() => r(null), 100))]);
      // If the board came back while the old copy was still unloading, work with it right away.
      if (early) {
        for (let i = 0; i < 2; i++) write(early.doc, `after ${i}`);
        await early.flushed();
        await early.compact();
      }
      releaseGate();
      const again = await reopened;
      expect(again).not.toBe(room);
      if (!early) {
        for (let i = 0; i < 2; i++) write(again.doc, `after ${i}`);
        await again.flushed();
        await again.compact();
      }
      await firstCompactDone;

      const stored = await inner.loadDoc(record.id);
      const check = new Y.Doc();
      for (const u of [stored.snapshot!, ...stored.updates]) Y.applyUpdate(check, u);
      expect(readCards(check).map((c) => c.text).sort()).toEqual(['after 0', 'after 1', 'before 0', 'before 1', 'before 2']);
    } finally {
      releaseGate();
      await rooms.closeAll();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
