import { rm } from 'node:fs/promises';
import pg from 'pg';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addCard } from '../../shared/commands';
import { setLock } from '../../shared/commands/facilitation';
import { readLocks } from '../../shared/doc/read';
import { PgBoardStore } from '../storage/pg/pg-store';
import { startBalancer, type Balancer } from '../test-support/balancer';
import { createBoardViaApi, destroyAllClients, sleep, syncedClient, waitUntil, withTimeout, type TestClient } from '../test-support/clients';
import { killAllServerProcesses, spawnServer, type ServerProcess } from '../test-support/server-process';
import { testDatabaseUrl } from '../test-support/pg-test-database';
import { tempDir } from '../test-support/server';

const databaseUrl = await testDatabaseUrl('cluster');
const SECRET = 'test-cluster-secret-0123456789abcdef';

/**
 * Several server processes on one PostgreSQL (docs/scaling.md): stock y-websocket clients spread over
 * them by a balancer; one owner per board, the others pipe to it; kill -9, restart and SIGTERM while
 * clients write.
 */
describe.skipIf(!databaseUrl)('three instances on one PostgreSQL', () => {
  let dir: string;
  let pool: pg.Pool;
  let balancer: Balancer;
  const instances = new Map<string, ServerProcess & { port: number }>();

  const start = async (name: string) => {
    const p = spawnServer(dir, { DATABASE_URL: databaseUrl!, CLUSTER_SECRET: SECRET, INSTANCE_ID: name, LEASE_MS: '2000' });
    const { port } = await withTimeout(p.ready, 60_000, `instance ${name} to listen`);
    const running = Object.assign(p, { port });
    instances.set(name, running);
    return running;
  };
  const urlOf = (name: string) => `http://127.0.0.1:${instances.get(name)!.port}`;
  const ownerOf = async (board: string) =>
    ((await pool.query<{ owner_id: string | null }>('SELECT owner_id FROM board_leases WHERE board_id = $1', [board])).rows[0]?.owner_id ?? null);
  const metric = async (name: string, metricName: string) => {
    const text = await (await fetch(`${urlOf(name)}/metrics`)).text();
    return Number(new RegExp(`^${metricName} (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
  };
  const cardIds = (c: TestClient | Y.Doc) => [...('doc' in c ? c.doc : c).getMap('cards').keys()].sort();

  beforeAll(async () => {
    dir = await tempDir('journey-cluster-');
    pool = new pg.Pool({ connectionString: databaseUrl!, max: 2 });
    await Promise.all(['i1', 'i2', 'i3'].map(start));
    balancer = await startBalancer([...instances.values()].map((i) => i.port));
  }, 150_000);
  afterEach(() => destroyAllClients());
  afterAll(async () => {
    await balancer?.close();
    await killAllServerProcesses();
    await pool?.end();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('roles, locks and presence hold across instances: one authoritative document on the owner', async () => {
    const board = await createBoardViaApi(urlOf('i1'), { locale: 'en' });
    const fac = await syncedClient(urlOf('i1'), board.id, board.tokens.facilitator);
    const part = await syncedClient(urlOf('i2'), board.id, board.tokens.participant);
    const viewer = await syncedClient(urlOf('i3'), board.id, board.tokens.viewer);
    // i1 owns it; the two others reached it over a hop.
    expect(await ownerOf(board.id)).toBe('i1');
    expect(await metric('i2', 'journey_cluster_forwarded_connections')).toBe(1);
    expect(await metric('i3', 'journey_cluster_forwarded_connections')).toBe(1);

    // Presence crosses instances, both ways.
    part.provider.awareness.setLocalStateField('user', { name: 'Bo' });
    fac.provider.awareness.setLocalStateField('user', { name: 'Ada' });
    const names = (c: TestClient) => [...c.provider.awareness.getStates().values()].map((s) => (s as { user?: { name: string } }).user?.name).filter(Boolean).sort();
    await Promise.all([fac, part, viewer].map((c) => waitUntil(() => names(c).join() === 'Ada,Bo', 'presence of both', 10_000)));

    // The facilitator (on i1) locks the board; the participant (on i2) sees it and writes anyway.
    setLock(fac.doc, 'boardLocked', true);
    await part.waitFor(() => readLocks(part.doc).boardLocked, 'the lock to reach the participant', 10_000);
    const refused = addCard(part.doc, { stage: 'use', lane: 'ideas', text: 'while locked', author: 'bo' });
    // A write the viewer (on i3) makes is refused too.
    addCard(viewer.doc, { stage: 'use', lane: 'ideas', text: 'viewer', author: 'vi' });
    // Unlocked, the participant's next card goes through: it is relayed after the refused one would have been.
    setLock(fac.doc, 'boardLocked', false);
    await part.waitFor(() => !readLocks(part.doc).boardLocked, 'the unlock to reach the participant', 10_000);
    const allowed = addCard(part.doc, { stage: 'use', lane: 'ideas', text: 'after unlock', author: 'bo' });
    await fac.waitFor(() => fac.doc.getMap('cards').has(allowed), 'the allowed card on i1', 10_000);
    await viewer.waitFor(() => viewer.doc.getMap('cards').has(allowed), 'the allowed card on i3', 10_000);
    expect(fac.doc.getMap('cards').has(refused)).toBe(false);
    expect(viewer.doc.getMap('cards').has(refused)).toBe(false);
    expect(cardIds(fac)).toEqual([allowed]);
    // The instances' own hops all passed the signature check (forged ones: hop.test.ts).
    expect(await metric('i1', 'journey_cluster_forged_hops_total')).toBe(0);
  });

  it('kill -9 of the owner during a burst, its restart, SIGTERM of another: nothing any client saw is lost, all converge', async () => {
    const board = await createBoardViaApi(balancer.url, { locale: 'en' });
    // Round-robin: two clients on each instance (the first to connect claims the board).
    const clients: TestClient[] = [];
    for (let i = 0; i < 6; i++) clients.push(await syncedClient(balancer.url, board.id, board.tokens.participant));
    const owner = (await ownerOf(board.id))!;
    expect(owner).toMatch(/^i[123]$/);

    let writing = true;
    const written: string[] = [];
    const writers = clients.map(async (c, k) => {
      for (let i = 0; writing; i++) {
        written.push(addCard(c.doc, { stage: 'use', lane: 'ideas', text: `c${k} ${i}`, author: `c${k}` }));
        await sleep(20 + k);
      }
    });
    await sleep(400);
    // What each client had received from the others when the owner died: it must all be stored.
    const seenAtKill = clients.map((c) => cardIds(c));
    instances.get(owner)!.child.kill('SIGKILL');
    await instances.get(owner)!.exited;
    const killedAt = Date.now();
    // The board moves to another instance: some client's next connection claims it.
    for (;;) {
      const now = await ownerOf(board.id);
      if (now && now !== owner) break;
      if (Date.now() - killedAt > 15_000) throw new Error('nobody took the board over');
      await sleep(50);
    }
    const successor = (await ownerOf(board.id))!;
    // The killed instance comes back (a new process on a new port) and joins the balancer.
    const restarted = await start(owner);
    balancer.ports.splice(0, balancer.ports.length, ...[...instances.values()].filter((i) => i.child.exitCode === null && i.child.signalCode === null).map((i) => i.port));
    await sleep(300);
    // Now the new owner is drained: it hands the board over (compact, release, 1012) and exits.
    const drained = instances.get(successor)!;
    balancer.ports.splice(balancer.ports.indexOf(drained.port), 1);
    drained.child.kill('SIGTERM');
    expect(await withTimeout(drained.exited, 15_000, 'the drained instance to exit')).toEqual({ code: 0, signal: null });
    await sleep(400);
    writing = false;
    await Promise.all(writers);

    // Everyone converges on every card anyone wrote.
    const all = [...new Set(written)].sort();
    await Promise.all(clients.map((c, k) => c.waitFor(() => cardIds(c).join() === all.join(), `client ${k} to converge`, 20_000))).catch(async (e) => {
      for (const [k, c] of clients.entries()) {
        const have = new Set(cardIds(c));
        const missing = all.filter((id) => !have.has(id)).map((id) => (clients.find((x) => x.doc.getMap('cards').has(id)) ? clients.findIndex((x) => x.doc.getMap('cards').has(id)) : -1));
        console.log(JSON.stringify(['client', k, c.provider.wsconnected, have.size, all.length, missing.slice(0, 20), c.closeCodes.join()]));
      }
      for (const [n, p] of instances) console.log(n, p.stdout().split('\n').filter((l) => /warn|error|board|refused/.test(l)).slice(-25).join('\n'));
      for (const n of instances.keys()) {
        const text = await (await fetch(`${urlOf(n)}/metrics`).catch(() => null))?.text();
        console.log(n, text?.split('\n').filter((l) => /dropped_writes_total\{|cluster_|journey_connections /.test(l)).join(' | '));
      }
      throw e;
    });
    // And PostgreSQL holds all of it, including everything any client had seen before the kill.
    const store = await PgBoardStore.open(databaseUrl!);
    try {
      const stored = await store.loadDoc(board.id);
      const doc = new Y.Doc();
      for (const u of [stored.snapshot!, ...stored.updates]) Y.applyUpdate(doc, u);
      expect(cardIds(doc)).toEqual(all);
      for (const seen of seenAtKill) expect(seen.filter((id) => !doc.getMap('cards').has(id))).toEqual([]);
      expect(stored.dropped).toEqual([]);
    } finally {
      await store.close();
    }
    // The successor took the board over from the killed owner, then handed it on when drained: the
    // next owner claimed a released board (no takeover), and its log lines name it.
    const lines = (p: ServerProcess) => p.stdout().split('\n').filter((l) => l.includes(board.id)).map((l) => JSON.parse(l) as { msg: string; instance: string });
    expect(lines(drained).map((l) => l.msg)).toContain('board taken over');
    expect(lines(drained).every((l) => l.instance === successor)).toBe(true);
    const last = (await ownerOf(board.id))!;
    expect([owner, ...instances.keys()]).toContain(last);
    expect(last).not.toBe(successor);
    const lastLines = lines(instances.get(last)!).map((l) => l.msg);
    expect(lastLines[lastLines.length - 1]).toBe('board claimed');
    expect(restarted.child.exitCode).toBeNull();
  }, 150_000);
});
