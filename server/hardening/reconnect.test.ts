import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addCard } from '../../shared/commands';
import { CLOSE } from '../../shared/protocol';
import { createBoardViaApi, shareExitListener, waitUntil, withTimeout, wsBase } from '../test-support/clients';
import { killAllServerProcesses, spawnServer } from '../test-support/server-process';
import { tempDir } from './support';

const BOARDS = 5;
const PER_BOARD = 100;
const DEADLINE_MS = 30_000;

interface Stock {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closeCodes: number[];
}

const providers: Stock[] = [];
let dataDir: string | undefined;
afterEach(async () => {
  for (const p of providers.splice(0)) p.provider.destroy();
  await killAllServerProcesses();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A stock y-websocket client with its default reconnect backoff (up to 2.5 s), as browsers run it. */
function stockClient(url: string, board: string, token: string): Stock {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsBase(url), board, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  });
  shareExitListener(provider);
  const s: Stock = { doc, provider, closeCodes: [] };
  provider.on('connection-close', (e) => {
    if (e) s.closeCodes.push(e.code);
  });
  providers.push(s);
  return s;
}

describe.sequential('a restart under load', () => {
  it(`${BOARDS * PER_BOARD} connected clients resync after a restart, and again with offline edits to merge`, { timeout: 120_000 }, async () => {
    dataDir = await tempDir('journey-reconnect-');
    let server = spawnServer(dataDir);
    const { url, port } = await withTimeout(server.ready, 20_000, 'the server');
    const boards = await Promise.all(Array.from({ length: BOARDS }, () => createBoardViaApi(url)));
    const clients = boards.flatMap((b) => Array.from({ length: PER_BOARD }, () => ({ board: b, c: stockClient(url, b.id, b.tokens.participant) })));
    await waitUntil(() => clients.every(({ c }) => c.provider.synced), 'every client to sync', DEADLINE_MS);

    /** SIGTERM, `whileAway()`, a new process on the same port; ms from its listening to every client synced. */
    const restart = async (whileAway: () => void) => {
      const seen = clients.map(({ c }) => c.closeCodes.length);
      server.child.kill('SIGTERM');
      expect((await withTimeout(server.exited, 15_000, 'the server to exit')).code).toBe(0);
      await waitUntil(() => clients.every(({ c }) => !c.provider.synced), 'every client to notice', 5000);
      expect(clients.every(({ c }, i) => c.closeCodes.slice(seen[i]).includes(CLOSE.restart))).toBe(true);
      whileAway();
      server = spawnServer(dataDir!, { PORT: String(port) });
      await withTimeout(server.ready, 20_000, 'the next server');
      const back = performance.now();
      const times: number[] = [];
      for (const { c } of clients) c.provider.once('sync', () => times.push(performance.now() - back));
      await waitUntil(() => clients.every(({ c }) => c.provider.synced), 'every client to resync', DEADLINE_MS);
      times.sort((a, b) => a - b);
      const at = (q: number) => `${(times[Math.min(times.length - 1, Math.floor(q * times.length))] / 1000).toFixed(2)}`;
      return { back, resynced: performance.now() - back, spread: `p50 ${at(0.5)} s, p90 ${at(0.9)} s` };
    };

    const plain = await restart(() => undefined);

    // Second round: while the server is away, one client in ten writes a card. (Every client applying
    // every relayed card makes this process, not the server, the bottleneck: keep it to 5,000 relays.)
    const writers = clients.filter((_, i) => i % 10 === 0);
    const offline: Array<{ board: string; id: string }> = [];
    const withEdits = await restart(() => {
      for (const { board, c } of writers) offline.push({ board: board.id, id: addCard(c.doc, { stage: 'use', lane: 'ideas', text: 'offline' }) });
    });
    // Converged: each client holds all its board's offline cards, its own and the others'.
    await waitUntil(
      () => clients.every(({ board, c }) => offline.every((o) => o.board !== board.id || c.doc.getMap('cards').has(o.id))),
      'every board to converge',
      DEADLINE_MS,
    );
    expect(clients.every(({ c }) => c.doc.getMap('cards').size === PER_BOARD / 10)).toBe(true);
    const converged = performance.now() - withEdits.back;
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `restart: ${clients.length} stock clients resynced ${s(plain.resynced)} after the new server listened (${plain.spread}); ` +
        `with ${offline.length} offline cards: resynced after ${s(withEdits.resynced)} (${withEdits.spread}), every card everywhere after ${s(converged)}`,
    );
    expect(plain.resynced).toBeLessThan(DEADLINE_MS);
    expect(withEdits.resynced).toBeLessThan(DEADLINE_MS);
  });
});
