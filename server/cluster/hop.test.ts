import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateBoardResponse } from '../../shared/protocol';
import { createBoardViaApi, wsBase } from '../test-support/clients';
import { startTestServer, type TestServer } from '../test-support/server';
import { checkHop, hopHeaders } from './hop';

const SECRET = 'a-cluster-secret-of-some-length';

/** What the upgrade answered: 'open', or the HTTP status it was refused with. */
function upgrade(url: string, board: CreateBoardResponse, headers: Record<string, string>): Promise<'open' | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${wsBase(url)}/${board.id}?token=${board.tokens.participant}`, { headers });
    ws.once('open', () => {
      ws.terminate();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => undefined);
  });
}

describe('the hop between instances (CLUSTER_SECRET)', () => {
  let srv: TestServer;
  let board: CreateBoardResponse;
  beforeAll(async () => {
    srv = await startTestServer({ clusterSecret: SECRET });
    board = await createBoardViaApi(srv.url, { locale: 'en' });
  });
  afterAll(() => srv?.stop());

  const target = () => `/ws/${board.id}?token=${board.tokens.participant}`;

  it('accepts a hop signed with the secret, and refuses a forged, altered or stale one with 403', async () => {
    expect(await upgrade(srv.url, board, hopHeaders(SECRET, 'peer', '203.0.113.7', target()))).toBe('open');
    expect(await upgrade(srv.url, board, hopHeaders('not-the-secret-at-all', 'peer', '203.0.113.7', target()))).toBe(403);
    // Another client address than the one signed (to dodge a per-address limit).
    expect(await upgrade(srv.url, board, { ...hopHeaders(SECRET, 'peer', '203.0.113.7', target()), 'x-journey-hop-client': '198.51.100.1' })).toBe(403);
    // Signed for another board or token.
    expect(await upgrade(srv.url, board, hopHeaders(SECRET, 'peer', '203.0.113.7', `/ws/${board.id}?token=${board.tokens.facilitator}`))).toBe(403);
    expect(await upgrade(srv.url, board, hopHeaders(SECRET, 'peer', '203.0.113.7', target(), Date.now() - 5 * 60_000))).toBe(403);
    expect(await upgrade(srv.url, board, { 'x-journey-hop-from': 'peer' })).toBe(403);
    const metrics = await (await fetch(`${srv.url}/metrics`)).text();
    expect(metrics).not.toContain('journey_cluster_'); // one instance, no leases: the cluster metrics stay out
  });

  it('without CLUSTER_SECRET every hop is refused', () => {
    const headers = hopHeaders(SECRET, 'peer', '203.0.113.7', '/ws/x');
    expect(checkHop(headers, '/ws/x', null)).toEqual({ hop: true, forged: 'no CLUSTER_SECRET here' });
    expect(checkHop(headers, '/ws/x', SECRET)).toEqual({ hop: true, from: 'peer', client: '203.0.113.7' });
    expect(checkHop({}, '/ws/x', SECRET)).toEqual({ hop: false });
  });
});
