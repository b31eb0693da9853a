import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { createBoardViaApi, destroyAllClients, syncedClient } from '../test-support/clients';
import { testDatabaseUrl } from '../test-support/pg-test-database';
import { startTestServer, type TestServer } from '../test-support/server';
import { forwardedToOwner } from './forward-api';
import { BOARD_MOVED_HEADER, sendBoardMoved } from './forward-http';
import { checkHop, hopHeaders } from './hop';

const SECRET = 'test-cluster-secret-0123456789abcdef';
const BOARD = 'AAAAAAAAAAAAAAAAAAAAAA';
const PATH = `/api/boards/${BOARD}/versions`;

const servers: http.Server[] = [];
async function listen(handler: http.RequestListener): Promise<string> {
  const s = http.createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}
afterAll(async () => {
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

/** An owner that answers every request with what it received (status 201), and counts them. */
async function answeringOwner() {
  const seen: Array<{ body: string; hop: boolean }> = [];
  const url = await listen(async (req, res) => {
    let body = '';
    for await (const c of req) body += c;
    const hop = checkHop(req.headers, req.url!, SECRET);
    seen.push({ body, hop: hop.hop && !('forged' in hop) });
    res.writeHead(201, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ id: 'taken-by-the-new-owner' }));
  });
  return { url, seen };
}

/** An instance that lost the board while the request was on its way. */
async function formerOwner() {
  let asked = 0;
  const url = await listen((req, res) => {
    asked++;
    req.resume();
    sendBoardMoved(res);
  });
  return { url, asked: () => asked };
}

/** The forwarding instance, asking `owners` in turn who owns the board. */
async function forwarder(owners: Array<{ instance: string; url: string } | null>) {
  let lookups = 0;
  const ownership = { ownerOf: async () => owners[Math.min(lookups++, owners.length - 1)] };
  const url = await listen((req, res) => {
    const u = new URL(req.url!, 'http://x');
    void forwardedToOwner(req, res, u, { config: { clusterSecret: SECRET, instanceId: 'front' }, log: createLogger('silent'), metrics: { forgedHops: 0 }, ownership }).then((done) => {
      if (!done) res.writeHead(418).end('answered here');
    });
  });
  return { url, lookups: () => lookups };
}

const post = (url: string) => fetch(url + PATH, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t' }, body: '{"label":"x"}' });

describe('a forwarded board API request whose board moves while it is in flight', () => {
  it('goes once to the owner of now, which answers', async () => {
    const old = await formerOwner();
    const fresh = await answeringOwner();
    const front = await forwarder([{ instance: 'old', url: old.url }, { instance: 'new', url: fresh.url }]);
    const res = await post(front.url);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: 'taken-by-the-new-owner' });
    expect(old.asked()).toBe(1);
    // The new owner got the same body over a hop signed for the same target.
    expect(fresh.seen).toEqual([{ body: '{"label":"x"}', hop: true }]);
    expect(front.lookups()).toBe(2);
  });

  it('answers 503 board_moved with Retry-After when the second owner has lost it too, never a 500', async () => {
    const old = await formerOwner();
    const front = await forwarder([{ instance: 'old', url: old.url }, { instance: 'old', url: old.url }]);
    const res = await post(front.url);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('board_moved');
    expect(body.message).toMatch(/moved to another server instance.*nothing was changed/);
    expect(old.asked()).toBe(2); // tried once more, no more
  });

  it('an owner that died: 503 owner_unreachable when nobody else owns the board yet', async () => {
    const gone = await listen(() => undefined);
    const port = new URL(gone).port;
    await new Promise((r) => servers.pop()!.close(r));
    const front = await forwarder([{ instance: 'dead', url: `http://127.0.0.1:${port}` }, null]);
    const res = await post(front.url);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(((await res.json()) as { error: string }).error).toBe('owner_unreachable');
  });
});

const databaseUrl = await testDatabaseUrl('forward_api');

/** Two real instances on one PostgreSQL: what an instance answers to a hop for a board it does not own. */
describe.skipIf(!databaseUrl)('two instances: a hop that reaches a non-owner', () => {
  const started: TestServer[] = [];
  afterEach(() => destroyAllClients());
  afterAll(async () => {
    for (const t of started) await t.stop();
  });

  it('the non-owner answers 503 board_moved (nothing done); without a hop it forwards to the owner', async () => {
    const cluster = { databaseUrl: databaseUrl!, clusterSecret: SECRET };
    const a = await startTestServer({ ...cluster, instanceId: 'a' });
    started.push(a);
    const b = await startTestServer({ ...cluster, instanceId: 'b' });
    started.push(b);
    const board = await createBoardViaApi(a.url, { locale: 'en' });
    await syncedClient(a.url, board.id, board.tokens.facilitator); // a claims the board
    const path = `/api/boards/${board.id}/versions`;
    const take = (headers: Record<string, string> = {}) =>
      fetch(b.url + path, { method: 'POST', headers: { Authorization: `Bearer ${board.tokens.facilitator}`, 'Content-Type': 'application/json', ...headers }, body: '{"label":"cp"}' });

    // As if a had forwarded it to b just before b lost the board: b must not forward again.
    const moved = await take(hopHeaders(SECRET, 'a', '127.0.0.1', path));
    expect(moved.status).toBe(503);
    expect(moved.headers.get(BOARD_MOVED_HEADER)).toBe('1');
    expect(moved.headers.get('retry-after')).toBe('1');
    expect(((await moved.json()) as { error: string }).error).toBe('board_moved');
    const list = async () => ((await (await fetch(a.url + path, { headers: { Authorization: `Bearer ${board.tokens.viewer}` } })).json()) as { versions: unknown[] }).versions;
    expect(await list()).toEqual([]);

    // A client's own request to b goes to a, the owner.
    expect((await take()).status).toBe(201);
    expect(await list()).toHaveLength(1);
  });
});
