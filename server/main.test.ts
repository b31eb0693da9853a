import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard } from '../shared/commands';
import { startServer } from './app';
import { testConfig } from './config';
import { CLOSE } from '../shared/protocol';
import { createBoardViaApi, destroyAllClients, sleep, syncedClient, waitUntil, withTimeout, type TestClient } from './test-support/clients';
import { killAllServerProcesses, spawnServer } from './test-support/server-process';
import { tempDir } from './test-support/server';

/** The server as a real process (`node --import tsx server/main.ts`): crashes, signals, the lock. */
describe('the server process', () => {
  const dirs: string[] = [];
  const newDir = async () => {
    const d = await tempDir('journey-proc-');
    dirs.push(d);
    return d;
  };
  afterEach(async () => {
    destroyAllClients();
    await killAllServerProcesses();
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  /** Card ids in `c`'s doc written by other clients (author names the writer). */
  const receivedFromOthers = (c: TestClient, me: string) => {
    const out: string[] = [];
    c.doc.getMap<Y.Map<unknown>>('cards').forEach((m, id) => {
      if (m.get('author') !== me) out.push(id);
    });
    return out;
  };

  it('kill -9: a new server on the same directory has every card any client had received', async () => {
    const dataDir = await newDir();
    const first = spawnServer(dataDir);
    const { url } = await withTimeout(first.ready, 15_000, 'the server to listen');
    const b = await createBoardViaApi(url, { locale: 'en' });
    const names = ['ada', 'bo', 'cy'];
    const clients = await Promise.all([
      syncedClient(url, b.id, b.tokens.participant),
      syncedClient(url, b.id, b.tokens.participant),
      syncedClient(url, b.id, b.tokens.facilitator),
    ]);
    const N = 20;
    const written: string[] = [];
    for (let i = 0; i < N; i++) {
      clients.forEach((c, k) => written.push(addCard(c.doc, { stage: 'use', lane: 'ideas', text: `${names[k]} ${i}`, author: names[k] })));
    }
    await Promise.all(clients.map((c) => c.waitFor(() => written.every((id) => c.doc.getMap('cards').has(id)), 'every card', 10_000)));

    // More writes keep coming while the process dies: whatever a client got relayed must survive.
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing && i < 500; i++) {
        const k = i % clients.length;
        addCard(clients[k].doc, { stage: 'purchase', lane: 'goals', text: `late ${names[k]} ${i}`, author: names[k] });
        await sleep(2);
      }
    })();
    await sleep(60);
    first.child.kill('SIGKILL');
    const exit = await first.exited;
    writing = false;
    await writer;
    expect(exit.signal).toBe('SIGKILL');
    const received = new Set<string>(written);
    clients.forEach((c, k) => receivedFromOthers(c, names[k]).forEach((id) => received.add(id)));
    destroyAllClients();

    const second = spawnServer(dataDir);
    const { url: url2 } = await withTimeout(second.ready, 15_000, 'the restarted server to listen');
    const fresh = await syncedClient(url2, b.id, b.tokens.viewer);
    const missing = [...received].filter((id) => !fresh.doc.getMap('cards').has(id));
    expect(missing).toEqual([]);
    expect(fresh.doc.getMap('cards').size).toBeGreaterThanOrEqual(3 * N);
    expect(fresh.doc.getArray('stages').length).toBe(6);
  });

  it('a second server on the same data directory exits non-zero and says why', async () => {
    const dataDir = await newDir();
    const running = await startServer(testConfig({ dataDir }));
    try {
      const second = spawnServer(dataDir);
      const exit = await withTimeout(second.exited, 15_000, 'the second server to exit');
      expect(exit.code).not.toBe(0);
      expect(exit.code).not.toBeNull();
      expect(second.stderr()).toContain(dataDir);
      expect(second.stderr()).toMatch(/in use|locked/i);
      expect(second.stdout()).not.toMatch(/"msg":"listening"/);
      // The first server is unharmed.
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    } finally {
      await running.close();
    }
  });

  it('SIGTERM: clients see 1012, the process exits 0, and what was written is kept', async () => {
    const dataDir = await newDir();
    const proc = spawnServer(dataDir);
    const { url } = await withTimeout(proc.ready, 15_000, 'the server to listen');
    const b = await createBoardViaApi(url);
    const [p, f] = await Promise.all([syncedClient(url, b.id, b.tokens.participant), syncedClient(url, b.id, b.tokens.facilitator)]);
    const id = addCard(p.doc, { stage: 'use', lane: 'ideas', text: 'kept over a restart' });
    await f.waitFor(() => f.doc.getMap('cards').has(id), 'the card');
    proc.child.kill('SIGTERM');
    const [closeP, closeF, exit] = await Promise.all([
      withTimeout(p.closed, 10_000, 'close on p'),
      withTimeout(f.closed, 10_000, 'close on f'),
      withTimeout(proc.exited, 10_000, 'the process to exit'),
    ]);
    expect(closeP.code).toBe(CLOSE.restart);
    expect(closeF.code).toBe(CLOSE.restart);
    expect(exit).toEqual({ code: 0, signal: null });
    destroyAllClients();

    const again = await startServer(testConfig({ dataDir }));
    try {
      const fresh = await syncedClient(again.url, b.id, b.tokens.viewer);
      expect(fresh.doc.getMap('cards').has(id)).toBe(true);
      fresh.destroy();
    } finally {
      await again.close();
    }
  });

  it('logs the listening line with the port, and no token ever appears in the logs', async () => {
    const dataDir = await newDir();
    const proc = spawnServer(dataDir, { LOG_LEVEL: 'debug' });
    const { url, port } = await withTimeout(proc.ready, 15_000, 'the server to listen');
    expect(port).toBeGreaterThan(0);
    const b = await createBoardViaApi(url);
    const c = await syncedClient(url, b.id, b.tokens.facilitator);
    c.destroy();
    const bad = await fetch(`${url}/api/boards/${b.id}/access`, { headers: { Authorization: `Bearer ${b.tokens.viewer}x` } });
    expect(bad.status).toBe(401);
    await waitUntil(() => proc.stdout().includes('client joined'), 'the join log line');
    for (const token of Object.values(b.tokens)) expect(proc.stdout() + proc.stderr()).not.toContain(token);
  });
});
