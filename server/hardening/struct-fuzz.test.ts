import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PRESENCE_PER_CONNECTION } from '../rooms/presence-limits';
import { destroyAllClients } from '../test-support/clients';
import { closeAllPeers, rng, settledMemory, startHardServer, type HardServer } from './support';
import { runStructFuzz, viewsAfter } from './support/struct-fuzz';

/**
 * Structure-aware fuzzing (support/struct-fuzz.ts): seeded y-websocket frames with real Yjs structure
 * (overlapping clocks, items under other people's client ids, lying parents, locked-skeleton and
 * locked-board writes, vote-budget abuse, presence floods) from hand-made participant and viewer
 * sockets. After every batch of 50 the facilitator's stock client must see nothing forbidden change.
 * A fixed count and a fixed seed (replay another with STRUCT_FUZZ_SEED=<seed>); the bench's `fuzz`
 * section runs longer, with several seeds.
 */
const SEED = process.env.STRUCT_FUZZ_SEED ? Number(process.env.STRUCT_FUZZ_SEED) >>> 0 : 20261202;
const FRAMES = 800;

describe('structure-aware fuzzing', () => {
  let h: HardServer;
  afterAll(async () => {
    destroyAllClients();
    closeAllPeers();
    await h?.stop();
  });

  it(`${FRAMES} structured hostile frames change nothing the rules protect; the server stays up, memory bounded`, { timeout: 180_000 }, async () => {
    h = await startHardServer({ awarenessFlushMs: 10 }, 'silent');
    const before = await settledMemory();
    const result = await runStructFuzz({ url: h.url, rng: rng(SEED), frames: FRAMES, batch: 50, log: console.log });
    console.log(
      `struct fuzz seed ${SEED}: ${result.frames} frames in ${result.batches} batches over ${result.connections} sockets, ${result.seconds.toFixed(1)} s; by kind`,
      result.kinds,
    );
    expect(result.broken).toEqual([]);
    expect(result.frames).toBe(FRAMES);
    // Every kind was played, and the rules were really exercised.
    expect(Object.keys(result.kinds).length).toBeGreaterThanOrEqual(15);
    const dropped = h.server.metrics.dropped;
    console.log('refused, by reason', Object.fromEntries(dropped));
    for (const reason of ['overlap', 'client-id-not-own', 'skeleton', 'not-own-card', 'vote-budget', 'board-locked', 'card-field', 'viewer', 'presence-not-own'] as const) {
      expect(dropped.get(reason as never) ?? 0, reason).toBeGreaterThan(0);
    }

    // Presence stays within its caps, and memory is bounded.
    const room = await h.server.rooms.open(result.boards.open.id);
    const s = room.presence.stats();
    expect(s.liveIds).toBeLessThanOrEqual(room.conns.size * MAX_PRESENCE_PER_CONNECTION);
    const after = await settledMemory();
    console.log(`struct fuzz memory: heapUsed ${before.heapUsed.toFixed(1)} → ${after.heapUsed.toFixed(1)} MiB; presence`, s);
    expect(after.heapUsed - before.heapUsed).toBeLessThan(48);

    // What was stored is what everyone saw: after a restart the boards load the same.
    const seen = await viewsAfter(h.url, result.boards);
    const openBefore = JSON.stringify(seen.open.getMap('meta').toJSON()) + JSON.stringify(seen.open.getArray('lanes').toJSON());
    const lockedBefore = seen.locked;
    seen.destroy();
    await h.restart();
    const again = await viewsAfter(h.url, result.boards);
    expect(JSON.stringify(again.open.getMap('meta').toJSON()) + JSON.stringify(again.open.getArray('lanes').toJSON())).toBe(openBefore);
    expect(again.locked).toEqual(lockedBefore);
    again.destroy();
  });
});
