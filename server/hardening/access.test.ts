import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addCard } from '../../shared/commands';
import { randomId } from '../../shared/doc/ids';
import { CLOSE, type CreateBoardResponse } from '../../shared/protocol';
import { connectClient, createBoardViaApi, destroyAllClients, sleep, syncedClient, withTimeout } from '../test-support/clients';
import { closeAllPeers, frame, openPeer, parsedLogs, rawHttp, startHardServer, tempDir, wsUrl, type HardServer } from './support';

let h: HardServer | undefined;
const staticDirs: string[] = [];
afterEach(async () => {
  destroyAllClients();
  closeAllPeers();
  await h?.stop();
  h = undefined;
  for (const d of staticDirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const allTokens = (b: CreateBoardResponse) => Object.values(b.tokens);

describe.sequential('tokens never reach the logs', () => {
  it('a session with good, bad and misplaced tokens and person keys logs board ids, never a secret', async () => {
    h = await startHardServer({ allowedOrigins: ['https://studio.example'], rateMessages: 50, rateMessagesBurst: 50 }, 'debug');
    const url = h.url;
    const b1 = await createBoardViaApi(url, { title: 'Logs' });
    const b2 = await createBoardViaApi(url);
    const bad = [`bad-${randomId()}`, `${b1.tokens.viewer}x`, randomId()];
    const person = randomId(24);

    // Good tokens, every role, with a person key.
    const clients = await Promise.all(
      (['facilitator', 'participant', 'viewer'] as const).map((role) => syncedClient(url, b1.id, b1.tokens[role])),
    );
    addCard(clients[1].doc, { stage: 'use', lane: 'ideas', text: 'hello' });
    const withPerson = openPeer(url, b1.id, undefined, { rawUrl: `${wsUrl(url, b1.id, b1.tokens.participant)}&person=${person}` });
    await withPerson.opened;
    // Bad tokens, a token of another board, a token as board id, no token.
    const refused = [
      ...bad.map((t) => connectClient(url, b1.id, t)),
      connectClient(url, b1.id, b2.tokens.facilitator),
      connectClient(url, b1.tokens.facilitator, b1.tokens.facilitator),
      connectClient(url, b1.id, undefined),
    ];
    for (const c of refused) expect((await withTimeout(c.closed, 5000, 'refusal')).code).toBeGreaterThanOrEqual(4400);
    // A refused origin, malformed frames and a flood, each with a real token in the URL.
    const foreign = openPeer(url, b1.id, b1.tokens.facilitator, { origin: 'https://evil.example' });
    await foreign.closed;
    const garbage = openPeer(url, b1.id, b1.tokens.facilitator);
    await garbage.opened;
    garbage.send(Uint8Array.of(0, 9, 9));
    await garbage.closed;
    const flood = openPeer(url, b2.id, b2.tokens.participant);
    await flood.opened;
    for (let i = 0; i < 200; i++) flood.send(frame.queryAwareness());
    await flood.closed;
    // REST: access checks with good and bad bearer tokens, tokens in query strings of pages and 404s.
    for (const t of [...allTokens(b1), ...bad]) {
      await fetch(`${url}/api/boards/${b1.id}/access`, { headers: { Authorization: `Bearer ${t}` } });
      await fetch(`${url}/api/boards/${b1.id}/nope?token=${t}`);
      await fetch(`${url}/nope.js?token=${t}`);
      await rawHttp(url, `GET //x?token=${t} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    }
    // A failing store (an internal error that gets logged), with the token in the websocket URL.
    const getBoard = h.server.store.getBoard.bind(h.server.store);
    h.server.store.getBoard = async () => {
      throw new Error('disk on fire');
    };
    const failing = openPeer(url, b2.id, b2.tokens.facilitator);
    expect((await failing.closed).code).toBe(1011);
    h.server.store.getBoard = getBoard;
    for (const c of clients) c.destroy();
    await sleep(100);
    await h.server.close();

    const lines = h.logs;
    const secrets = [...allTokens(b1), ...allTokens(b2), ...bad, person];
    for (const line of lines) for (const s of secrets) expect(line, 'a secret in the logs').not.toContain(s);
    // One JSON object per line, each with time, level and message; board ids are there to follow a board.
    const entries = parsedLogs(lines);
    for (const e of entries) expect(Object.keys(e).slice(0, 3)).toEqual(['time', 'level', 'msg']);
    expect(entries.find((e) => e.msg === 'board created' && e.board === b1.id)).toBeDefined();
    expect(entries.find((e) => e.msg.startsWith('rate limit') && e.board === b2.id)).toBeDefined();
    expect(entries.find((e) => e.msg.startsWith('malformed') && e.board === b1.id)).toBeDefined();
    expect(entries.find((e) => e.level === 'error' && e.board === b2.id)).toBeDefined();
    expect(entries.some((e) => e.msg.includes('origin'))).toBe(true);
  });
});

describe.sequential('ALLOWED_ORIGINS', () => {
  it('refuses websockets and board creation from an unlisted Origin with 403; accepts listed ones and programs without one', async () => {
    h = await startHardServer({ allowedOrigins: ['https://studio.example', 'http://localhost:5173'] });
    const b = await createBoardViaApi(h.url);
    const evil = openPeer(h.url, b.id, b.tokens.facilitator, { origin: 'https://evil.example' });
    await evil.closed;
    expect(evil.refusedStatus()).toBe(403);
    // Close relatives of a listed origin are not that origin.
    for (const origin of ['https://studio.example.evil.com', 'http://studio.example', 'https://studio.example:8443', 'null']) {
      const p = openPeer(h.url, b.id, b.tokens.facilitator, { origin });
      await p.closed;
      expect(p.refusedStatus(), origin).toBe(403);
    }
    const good = openPeer(h.url, b.id, b.tokens.facilitator, { origin: 'https://studio.example' });
    await good.opened;
    await good.sync();
    const post = (origin?: string) =>
      fetch(`${h!.url}/api/boards`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(origin ? { Origin: origin } : {}) }, body: '{}' });
    const refused = await post('https://evil.example');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'origin_not_allowed' });
    expect((await post('http://localhost:5173')).status).toBe(201);
    expect((await post()).status).toBe(201);
    // Without a list, any origin is accepted (the default for a local `npm start`).
    await h.stop();
    h = await startHardServer({});
    const b2 = await createBoardViaApi(h.url);
    const any = openPeer(h.url, b2.id, b2.tokens.viewer, { origin: 'https://evil.example' });
    await any.opened;
    expect((await post('https://evil.example')).status).toBe(201);
  });
});

describe.sequential('security headers', () => {
  const expectHeaders = (res: Response, what: string) => {
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp, what).toContain("frame-ancestors 'none'");
    expect(csp, what).toContain("default-src 'self'");
    expect(csp, what).toContain("object-src 'none'");
    expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(res.headers.get('referrer-policy'), what).toBe('no-referrer');
    expect(res.headers.get('x-frame-options'), what).toBe('DENY');
  };

  it('are on every response: HTML, assets, JSON, metrics, and every error', async () => {
    const staticDir = await tempDir('journey-static-');
    staticDirs.push(staticDir);
    await mkdir(path.join(staticDir, 'assets'));
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Journey Studio</title>');
    await writeFile(path.join(staticDir, 'assets', 'app-1.js'), 'console.log(1)');
    h = await startHardServer({ staticDir, boardsPerMinute: 2, allowedOrigins: ['https://studio.example'] });
    const b = await createBoardViaApi(h.url);
    const auth = { Authorization: `Bearer ${b.tokens.viewer}` };
    const requests: Array<[string, string, RequestInit?]> = [
      ['html', '/'],
      ['html route', `/b/${b.id}`],
      ['asset', '/assets/app-1.js'],
      ['health', '/healthz'],
      ['metrics', '/metrics'],
      ['access', `/api/boards/${b.id}/access`, { headers: auth }],
      ['401', `/api/boards/${b.id}/access`],
      ['404 api', '/api/nope'],
      ['404 file', '/nope.js'],
      ['400 path', '/%E0%A4%A.js'],
      ['405', '/api/boards'],
      ['413', '/api/boards', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'x'.repeat(100_000) }],
      ['429', '/api/boards', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }],
      ['403', '/api/boards', { method: 'POST', headers: { Origin: 'https://evil.example' }, body: '{}' }],
    ];
    const statuses: Record<string, number> = {};
    for (const [what, p, init] of requests) {
      const res = await fetch(`${h.url}${p}`, init);
      statuses[what] = res.status;
      expectHeaders(res, what);
      await res.arrayBuffer();
    }
    expect(statuses).toMatchObject({ html: 200, asset: 200, metrics: 200, '401': 401, '404 api': 404, '404 file': 404, '413': 413, '429': 429 });
    // The answer to a request target that is not a path carries them too.
    const odd = await rawHttp(h.url, 'GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(odd.text.toLowerCase()).toContain("frame-ancestors 'none'");
  });
});

it('refused origins are refused before the token is even looked at', async () => {
  h = await startHardServer({ allowedOrigins: ['https://studio.example'] });
  const p = openPeer(h.url, 'AAAAAAAAAAAAAAAAAAAAAA', 'whatever', { origin: 'https://evil.example' });
  await p.closed;
  expect(p.refusedStatus()).toBe(403);
  const q = openPeer(h.url, 'AAAAAAAAAAAAAAAAAAAAAA', 'whatever', { origin: 'https://studio.example' });
  expect((await q.closed).code).toBe(CLOSE.unknownBoard);
});
