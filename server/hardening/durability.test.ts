import { readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addCard } from '../../shared/commands';
import { CLOSE } from '../../shared/protocol';
import { createBoardViaApi, destroyAllClients, sleep, syncedClient, waitUntil, withTimeout, type TestClient } from '../test-support/clients';
import { killAllServerProcesses, spawnServer } from '../test-support/server-process';
import { rng, tempDir } from './support';

/** The server as operators run it (`node --import tsx server/main.ts`), killed and restarted for real. */
const dirs: string[] = [];
const newDir = async () => {
  const d = await tempDir('journey-dur-');
  dirs.push(d);
  return d;
};
afterEach(async () => {
  destroyAllClients();
  await killAllServerProcesses();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const cardIds = (c: TestClient) => [...c.doc.getMap('cards').keys()];

describe.sequential('durability under faults', () => {
  it('kill -9 during a burst of writes from 50 clients: every card any client had received is there after the restart', { timeout: 60_000 }, async () => {
    const dataDir = await newDir();
    const first = spawnServer(dataDir);
    const { url } = await withTimeout(first.ready, 20_000, 'the server to listen');
    const b = await createBoardViaApi(url);
    const clients = await Promise.all(Array.from({ length: 50 }, () => syncedClient(url, b.id, b.tokens.participant)));
    // Per client: the ids of cards that reached it from someone else (so the server had relayed them).
    const acknowledged = new Set<string>();
    const received = clients.map((c) => {
      const ids = new Set<string>();
      c.doc.getMap('cards').observe((e) => {
        if (e.transaction.local) return;
        for (const k of e.keysChanged) {
          ids.add(k);
          acknowledged.add(k);
        }
      });
      return ids;
    });
    const r = rng(50);
    let writing = true;
    let written = 0;
    const writers = clients.map(async (c, i) => {
      await sleep(r.int(100));
      while (writing) {
        addCard(c.doc, { stage: 'use', lane: 'ideas', text: `client ${i} card ${written++}` });
        await sleep(80 + r.int(80));
      }
    });
    // Once a fair number of writes went through, all 50 write at once and the server dies a few ms
    // later, with that wave half stored, half relayed.
    await waitUntil(() => acknowledged.size >= 300, '300 relayed cards', 30_000);
    clients.forEach((c, i) => addCard(c.doc, { stage: 'use', lane: 'goals', text: `client ${i} last wave ${written++}` }));
    await sleep(3 + r.int(10));
    first.child.kill('SIGKILL');
    writing = false;
    await first.exited;
    await Promise.all(writers);
    for (const c of clients) c.destroy();
    expect(new Set(received.flatMap((s) => [...s])).size).toBe(acknowledged.size);

    const second = spawnServer(dataDir);
    const { url: url2 } = await withTimeout(second.ready, 20_000, 'the restarted server');
    const fresh = await syncedClient(url2, b.id, b.tokens.viewer);
    const present = new Set(cardIds(fresh));
    const missing = [...acknowledged].filter((id) => !present.has(id));
    console.log(`kill -9: ${written} cards written, ${acknowledged.size} had reached another client, ${present.size} after restart`);
    expect(missing).toEqual([]);
  });

  it.each([
    ['cut short', 'truncate'],
    ['garbled', 'garble'],
  ] as const)('a torn last write (%s) is detected and dropped on restart; the board loses only that write and keeps working', { timeout: 60_000 }, async (_what, damage) => {
    const dataDir = await newDir();
    const first = spawnServer(dataDir);
    const { url } = await withTimeout(first.ready, 20_000, 'the server to listen');
    const b = await createBoardViaApi(url);
    const writer = await syncedClient(url, b.id, b.tokens.participant);
    const watcher = await syncedClient(url, b.id, b.tokens.viewer);
    const N = 30;
    const ids: string[] = [];
    // One write at a time, each acknowledged (relayed) before the next: one store batch per card.
    for (let i = 0; i < N; i++) {
      const id = addCard(writer.doc, { stage: 'use', lane: 'ideas', text: `card ${i}` });
      ids.push(id);
      await watcher.waitFor(() => watcher.doc.getMap('cards').has(id), `card ${i}`);
    }
    first.child.kill('SIGKILL');
    await first.exited;
    writer.destroy();
    watcher.destroy();

    // Tear the newest LevelDB log's last record, as if the crash hit mid-write: its final bytes are
    // missing (length check) or hold garbage (checksum).
    const logs = (await readdir(dataDir)).filter((f) => f.endsWith('.log')).sort();
    expect(logs.length).toBeGreaterThan(0);
    const newest = path.join(dataDir, logs[logs.length - 1]);
    const size = (await stat(newest)).size;
    expect(size).toBeGreaterThan(100);
    if (damage === 'truncate') await truncate(newest, size - 5);
    else {
      const bytes = await readFile(newest);
      for (let i = size - 5; i < size; i++) bytes[i] ^= 0x5a;
      await writeFile(newest, bytes);
    }

    const second = spawnServer(dataDir);
    const { url: url2 } = await withTimeout(second.ready, 20_000, 'the server to start on the torn store');
    expect((await fetch(`${url2}/healthz`)).status).toBe(200);
    // Said, not silent: in the log and in /metrics.
    expect(second.stdout()).toMatch(/"level":"warn","msg":"store log ended in a torn write[^"]*","file":"\d+\.log","bytes":\d+/);
    expect(await (await fetch(`${url2}/metrics`)).text()).toMatch(/^journey_store_torn_write_bytes [1-9]\d*$/m);
    const fresh = await syncedClient(url2, b.id, b.tokens.viewer);
    const present = new Set(cardIds(fresh));
    // Everything but the torn write, which is gone entirely (never half a card).
    expect(ids.slice(0, N - 1).filter((id) => !present.has(id))).toEqual([]);
    expect(present.size).toBe(N - 1);
    expect(present.has(ids[N - 1])).toBe(false);
    // The board takes writes again, and keeps them across another restart.
    const again = await syncedClient(url2, b.id, b.tokens.participant);
    const later = addCard(again.doc, { stage: 'use', lane: 'goals', text: 'after the repair' });
    await fresh.waitFor(() => fresh.doc.getMap('cards').has(later), 'a new write');
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    const third = spawnServer(dataDir);
    const { url: url3 } = await withTimeout(third.ready, 20_000, 'the third start');
    const last = await syncedClient(url3, b.id, b.tokens.viewer);
    expect(cardIds(last).length).toBe(N);
    expect(last.doc.getMap('cards').has(later)).toBe(true);
  });

  it('a second server on the same DATA_DIR refuses to start with a clear message; the first keeps serving', { timeout: 40_000 }, async () => {
    const dataDir = await newDir();
    const first = spawnServer(dataDir);
    const { url } = await withTimeout(first.ready, 20_000, 'the first server');
    const second = spawnServer(dataDir);
    const exit = await withTimeout(second.exited, 20_000, 'the second server to exit');
    expect(exit.code).toBe(1);
    expect(second.stderr()).toContain(`The data directory ${dataDir} is in use by another Journey Studio process`);
    expect(second.stdout()).not.toContain('"msg":"listening"');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('SIGTERM: clients are closed with 1012, everything is flushed, the process exits 0, and clients reconnect to the next one', { timeout: 60_000 }, async () => {
    const dataDir = await newDir();
    const first = spawnServer(dataDir);
    const { url, port } = await withTimeout(first.ready, 20_000, 'the server to listen');
    const b = await createBoardViaApi(url);
    const writer = await syncedClient(url, b.id, b.tokens.participant);
    const reader = await syncedClient(url, b.id, b.tokens.viewer);
    const ids = Array.from({ length: 20 }, (_, i) => addCard(writer.doc, { stage: 'use', lane: 'ideas', text: `card ${i}` }));
    await reader.waitFor(() => ids.every((id) => reader.doc.getMap('cards').has(id)), 'the cards');

    first.child.kill('SIGTERM');
    const exit = await withTimeout(first.exited, 15_000, 'a clean exit');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(writer.closeCodes).toContain(CLOSE.restart);
    expect(reader.closeCodes).toContain(CLOSE.restart);
    expect(first.stdout()).toMatch(/"msg":"shutting down".*\n.*"msg":"stopped"/s);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    // Still trying: the stock client reconnects after 1012 (it stops only on 44xx).
    expect(writer.provider.shouldConnect).toBe(true);

    // An edit made while the server is away.
    const offline = addCard(writer.doc, { stage: 'use', lane: 'goals', text: 'while away' });
    const next = spawnServer(dataDir, { PORT: String(port) });
    await withTimeout(next.ready, 20_000, 'the next server on the same port');
    await reader.waitFor(() => reader.doc.getMap('cards').has(offline), 'the reconnected clients to sync', 15_000);
    const fresh = await syncedClient(url, b.id, b.tokens.viewer);
    expect([...ids, offline].every((id) => fresh.doc.getMap('cards').has(id))).toBe(true);
  });
});
