import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addCard } from '../../shared/commands';
import { CLOSE } from '../../shared/protocol';
import { createBoardViaApi, destroyAllClients, sleep, syncedClient, withTimeout, type TestClient } from '../test-support/clients';
import {
  clientFrame,
  closeAllPeers,
  frame,
  metric,
  openPeer,
  rawHttp,
  scrapeMetrics,
  serverCloseCode,
  startHardServer,
  tempDir,
  upgradeRequest,
  type HardServer,
} from './support';

/** A stack trace, an exception name or a server path in a body means internals leaked to a client. */
const LEAK = /\n\s+at |\bat [\w.<>]+ \(|Error:|node:internal|node_modules|\/work\/|\.ts:\d+/;

function cardUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  addCard(doc, { stage: 'use', lane: 'ideas', text });
  return Y.encodeStateAsUpdate(doc);
}

describe.sequential('hostile input', () => {
  let h: HardServer;
  let calm: { id: string; a: TestClient; b: TestClient };
  let target: { id: string; token: string };
  let checks = 0;
  let staticDir: string;

  beforeAll(async () => {
    staticDir = await tempDir('journey-static-');
    await mkdir(path.join(staticDir, 'assets'));
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Journey Studio</title>');
    h = await startHardServer({ staticDir, maxMessageBytes: 64 * 1024, maxDocBytes: 2 * 2 ** 20 });
    const c = await createBoardViaApi(h.url);
    calm = { id: c.id, a: await syncedClient(h.url, c.id, c.tokens.participant), b: await syncedClient(h.url, c.id, c.tokens.participant) };
    const t = await createBoardViaApi(h.url);
    target = { id: t.id, token: t.tokens.facilitator };
  });

  /** After every attack: the process answers, and the calm board still syncs both ways. */
  afterEach(async () => {
    closeAllPeers();
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    const id = addCard(calm.a.doc, { stage: 'use', lane: 'ideas', text: `still here ${checks++}` });
    await calm.b.waitFor(() => calm.b.doc.getMap('cards').has(id), 'the calm board to relay');
  });

  afterAll(async () => {
    destroyAllClients();
    await h?.stop();
    await rm(staticDir, { recursive: true, force: true });
  });

  describe('invalid websocket frames close that socket', () => {
    const bytes = (n: number, v = 0x41) => new Uint8Array(n).fill(v);
    const cases: Array<[string, Uint8Array, number]> = [
      ['an unmasked client frame', clientFrame(0x82, bytes(4), { mask: false }), 1002],
      ['a reserved opcode', clientFrame(0x83, bytes(4)), 1002],
      ['RSV1 set without an extension', clientFrame(0xc2, bytes(4)), 1002],
      ['a continuation frame with nothing to continue', clientFrame(0x80, bytes(4)), 1002],
      ['a fragmented ping', clientFrame(0x09, bytes(4)), 1002],
      ['a ping over 125 bytes', clientFrame(0x89, bytes(200)), 1002],
      ['a close frame with an invalid code', clientFrame(0x88, Uint8Array.of(0x03, 0xe7)), 1002],
      ['a text frame that is not UTF-8', clientFrame(0x81, Uint8Array.of(0xff, 0xfe, 0xfd)), 1007],
      ['a 64-bit length of 2^63', Uint8Array.of(0x82, 0xff, 0x80, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4), 1009],
      ['a length over the message limit', Uint8Array.of(0x82, 0xff, 0, 0, 0, 0, 0, 0x10, 0, 0, 1, 2, 3, 4), 1009],
    ];
    it.each(cases)('%s', async (_what, bytesOut, code) => {
      const head = new TextEncoder().encode(upgradeRequest(`/ws/${target.id}?token=${target.token}`));
      const res = await rawHttp(h.url, Uint8Array.from([...head, ...bytesOut]), 5000);
      expect(res.text.startsWith('HTTP/1.1 101')).toBe(true);
      expect(serverCloseCode(res.text)).toBe(code);
      expect(res.closed).toBe(true);
    });
  });

  describe('hostile y-websocket messages close their connection with 1008, and nothing after them applies', () => {
    const valid = cardUpdate('valid');
    const cases: Array<[string, Uint8Array | string]> = [
      ['an empty frame', new Uint8Array(0)],
      ['an unknown message type', Uint8Array.of(7)],
      ['an unknown two-byte message type', Uint8Array.of(0xc8, 0x01)],
      ['a varint longer than 64 bits as the type', Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)],
      ['an unknown sync message', Uint8Array.of(0, 9, 0)],
      ['a sync message without its payload', Uint8Array.of(0, 2)],
      ['a sync payload with a huge length prefix', Uint8Array.of(0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3)],
      ['a truncated update', frame.update(valid.slice(0, Math.floor(valid.length / 2)))],
      ['an update cut one byte short', frame.update(valid.slice(0, valid.length - 1))],
      ['random bytes as an update', frame.update(Uint8Array.from({ length: 64 }, (_, i) => (i * 97 + 13) & 0xff))],
      ['an update claiming 2^50 structs', frame.update(Uint8Array.of(1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 5, 0))],
      ['a garbage state vector', frame.step1(Uint8Array.of(0xff, 0xff, 0xff, 0x7f, 1))],
      ['an awareness update with a huge count', Uint8Array.of(1, 4, 0xff, 0xff, 0xff, 0x7f)],
      ['an awareness state that is not JSON', Uint8Array.of(1, 6, 1, 5, 1, 2, 0x7b, 0x7b)],
      ['a text frame', 'hello'],
    ];
    it.each(cases)('%s', async (_what, bad) => {
      const before = metric(await scrapeMetrics(h.url), 'journey_bad_messages_total');
      const p = openPeer(h.url, target.id, target.token);
      await p.opened;
      const after = cardUpdate('sent after the bad frame');
      p.send(bad);
      p.send(frame.update(after));
      const closed = await withTimeout(p.closed, 5000, 'the close');
      expect(closed).toEqual({ code: CLOSE.policy, reason: 'malformed message' });
      expect(metric(await scrapeMetrics(h.url), 'journey_bad_messages_total')).toBe(before + 1);
      // The write that followed the bad frame on the same socket was ignored.
      const check = openPeer(h.url, target.id, target.token);
      await check.opened;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await check.sync());
      const texts = [...doc.getMap<Y.Map<unknown>>('cards').values()].map((m) => String(m.get('text')));
      expect(texts).not.toContain('sent after the bad frame');
    });
  });

  describe('HTTP', () => {
    it('request targets that `new URL(target, base)` cannot parse get an answer, not a dead process', async () => {
      for (const target of ['//', '//a:b', '//[', '//:99999/api/boards']) {
        const res = await rawHttp(h.url, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
        expect(res.text, target).toMatch(/^HTTP\/1.1 [24]\d\d/);
        expect(res.text).not.toMatch(LEAK);
        expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
      }
      const up = await rawHttp(h.url, upgradeRequest('//'));
      expect(up.text).toMatch(/^HTTP\/1.1 404/);
      expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    });

    it('a host in the request target is ignored, not routed', async () => {
      const res = await rawHttp(h.url, 'GET //evil.example/healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      expect(res.text).not.toMatch(/^HTTP\/1.1 200[\s\S]*"ok":true/);
      const abs = await rawHttp(h.url, 'GET http://evil.example/healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      expect(abs.text).toMatch(/^HTTP\/1.1 200/);
    });

    it('garbage that is not HTTP, oversized headers and bad header bytes get 4xx without internals', async () => {
      const requests = [
        'GARBAGE\r\n\r\n',
        'GET / HTTP/9.9\r\n\r\n',
        `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
        'GET / HTTP/1.1\r\nHost: x\r\nX-Bad: \u0001\u0002\r\n\r\n',
        'POST /api/boards HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
        'POST /api/boards HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n',
      ];
      for (const r of requests) {
        const res = await rawHttp(h.url, r);
        expect(res.text.slice(0, 40), JSON.stringify(r.slice(0, 40))).toMatch(/^HTTP\/1.1 4\d\d|^$/);
        expect(res.text).not.toMatch(LEAK);
      }
    });

    it('bad REST input is refused with a JSON error, never a stack trace', async () => {
      const post = (body: string | ArrayBuffer, type = 'application/json') =>
        fetch(`${h.url}/api/boards`, { method: 'POST', headers: { 'Content-Type': type }, body });
      const b = await createBoardViaApi(h.url);
      const cases: Array<[string, Promise<Response>, number]> = [
        ['broken JSON', post('{"title":'), 400],
        ['an object as title', post('{"title":{"$gt":""}}'), 400],
        ['a prototype key', post('{"__proto__":{"admin":true}}'), 400],
        ['a number', post('12'), 400],
        ['deeply nested JSON', post('['.repeat(5000) + ']'.repeat(5000)), 400],
        ['binary', post(Uint8Array.of(0, 0xff, 0xfe, 0x80).buffer), 400],
        ['a huge body', post(JSON.stringify({ title: 'x'.repeat(2_000_000) })), 413],
        ['a form', post('title=x', 'application/x-www-form-urlencoded'), 415],
        ['DELETE', fetch(`${h.url}/api/boards`, { method: 'DELETE' }), 405],
        ['a backup that is not one', fetch(`${h.url}/api/boards/import`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"format":"journey-studio-backup","version":1,"board":{"cards":"x"}}' }), 400],
        ['a backup over 4 × MAX_DOC_BYTES (9 MiB, cap 2 MiB)', fetch(`${h.url}/api/boards/import`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: `"${'x'.repeat(9 * 2 ** 20)}"` }), 413],
        ['GET on import', fetch(`${h.url}/api/boards/import`), 405],
        ['an access check with a 10 kB token', fetch(`${h.url}/api/boards/${b.id}/access`, { headers: { Authorization: `Bearer ${'x'.repeat(10_000)}` } }), 401],
        ['an access check with a bad id', fetch(`${h.url}/api/boards/${'%00'.repeat(10)}/access`), 404],
        ['an unknown API route', fetch(`${h.url}/api/boards/${b.id}/delete`, { method: 'POST' }), 404],
        ['a missing asset', fetch(`${h.url}/assets/nope.js`), 404],
        ['a path escaping the root', fetch(`${h.url}/..%2f..%2f..%2fetc%2fpasswd.txt`), 404],
        ['a bad percent escape', fetch(`${h.url}/%E0%A4%A.js`), 400],
        ['POST to a page', fetch(`${h.url}/index.html`, { method: 'POST' }), 405],
      ];
      for (const [what, pending, status] of cases) {
        const res = await pending;
        const body = await res.text();
        expect(res.status, what).toBe(status);
        expect(body, what).not.toMatch(LEAK);
        const json = JSON.parse(body) as { error: unknown; message: unknown };
        expect(typeof json.error, what).toBe('string');
        expect(typeof json.message, what).toBe('string');
      }
    });

    it('a server without a built client answers 404 to every unknown route', async () => {
      const bare = await startHardServer({});
      try {
        for (const p of ['/', '/b/xyz', '/nope', '/nope.js', '/api/nope', '/healthz/extra', '/ws']) {
          const res = await fetch(`${bare.url}${p}`);
          expect(res.status, p).toBe(404);
          expect(await res.json()).toMatchObject({ error: 'not_found' });
        }
      } finally {
        await bare.stop();
      }
    });
  });

  it('a websocket upgrade on an unknown path is refused and the process carries on', async () => {
    for (const p of ['/ws', '/ws/', '/ws/a/b', '/api/boards', '/nope']) {
      const res = await rawHttp(h.url, upgradeRequest(p));
      expect(res.text, p).toMatch(/^HTTP\/1.1 404/);
    }
    await sleep(10);
  });
});
