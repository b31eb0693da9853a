import { afterEach, describe, expect, it } from 'vitest';
import { createBoard } from '../boards';
import type { BoardRecord } from '../storage/board-store';
import { createBoardViaApi, sleep, waitUntil } from '../test-support/clients';
import { closeAllPeers, inParallel, metric, openPeer, rawHandshake, scrapeMetrics, settledMemory, startHardServer, type HardServer } from './support';

let h: HardServer | undefined;
afterEach(async () => {
  closeAllPeers();
  await h?.stop();
  h = undefined;
});

describe.sequential('boards leave memory', () => {
  it('a board stays for UNLOAD_DELAY_MS after its last client leaves, then unloads', async () => {
    h = await startHardServer({ unloadDelayMs: 600 });
    const b = await createBoardViaApi(h.url);
    const p = openPeer(h.url, b.id, b.tokens.viewer);
    await p.opened;
    await p.sync();
    const q = openPeer(h.url, b.id, b.tokens.viewer);
    await q.opened;
    expect(metric(await scrapeMetrics(h.url), 'journey_boards_in_memory')).toBe(1);
    p.close();
    await sleep(800);
    expect(h.server.rooms.size, 'one client is still there').toBe(1);
    q.close();
    const left = performance.now();
    await sleep(300);
    expect(h.server.rooms.size, 'within the delay').toBe(1);
    await waitUntil(() => h!.server.rooms.size === 0, 'the unload', 5000);
    expect(performance.now() - left).toBeGreaterThanOrEqual(550);
    expect(metric(await scrapeMetrics(h.url), 'journey_boards_in_memory')).toBe(0);
    // It comes back on demand, with its content.
    const again = openPeer(h.url, b.id, b.tokens.viewer);
    await again.opened;
    expect((await again.sync()).byteLength).toBeGreaterThan(100);
  });

  it('with a long delay, a board left alone stays loaded (the delay is what unloads it)', async () => {
    h = await startHardServer({ unloadDelayMs: 60_000 });
    const b = await createBoardViaApi(h.url);
    await rawHandshake(h.url, b.id, b.tokens.viewer);
    await sleep(500);
    expect(h.server.rooms.size).toBe(1);
  });

  it('opening and closing 1,000 boards returns the process close to its starting memory', { timeout: 90_000 }, async () => {
    h = await startHardServer({ unloadDelayMs: 20 }, 'silent');
    const store = h.server.store;
    const boards: BoardRecord[] = [];
    for (let i = 0; i < 1050; i++) boards.push(await createBoard(store, { title: `Board ${i}`, locale: i % 2 ? 'en' : 'it' }));
    const visit = (list: typeof boards) =>
      inParallel(list, 25, async (b) => {
        await rawHandshake(h!.url, b.id, b.tokens.participant);
        peak = Math.max(peak, h!.server.rooms.size);
      });
    let peak = 0;
    await visit(boards.slice(0, 50)); // warm-up: code paths compiled, pools allocated
    await waitUntil(() => h!.server.rooms.size === 0, 'warm-up unloads', 10_000);
    const before = await settledMemory();
    const started = performance.now();
    peak = 0;
    await visit(boards.slice(50));
    const seconds = (performance.now() - started) / 1000;
    await waitUntil(() => h!.server.rooms.size === 0, 'every board to unload', 20_000);
    const after = await settledMemory();
    const m = await scrapeMetrics(h.url);
    console.log(
      `1,000 boards opened and closed in ${seconds.toFixed(1)} s (up to ${peak} in memory at once): heapUsed ` +
        `${before.heapUsed.toFixed(1)} → ${after.heapUsed.toFixed(1)} MiB, rss ${before.rss.toFixed(1)} → ${after.rss.toFixed(1)} MiB`,
    );
    expect(metric(m, 'journey_boards_in_memory')).toBe(0);
    expect(metric(m, 'journey_connections')).toBe(0);
    expect(metric(m, 'journey_boards_loaded_total')).toBe(1050);
    expect(after.heapUsed - before.heapUsed).toBeLessThan(4);
  });
});
