import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMeta } from '../../shared/doc/read';
import { MAX_TITLE_LENGTH } from '../../shared/doc/schema';
import { ROLES } from '../../shared/protocol';
import { createBoardViaApi, destroyAllClients, syncedClient } from '../test-support/clients';
import { startTestServer, tempDir, type TestServer } from '../test-support/server';
import { SECURITY_HEADERS } from './respond';

const BASE64URL_128 = /^[A-Za-z0-9_-]{22,}$/;

function post(url: string, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) {
  return fetch(`${url}/api/boards`, { method: 'POST', headers, body });
}

function expectSecurityHeaders(res: Response) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), name).toBe(value);
  // The policy must actually restrict scripts and framing, not just be present.
  const csp = res.headers.get('content-security-policy')!;
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
}

/** An error body is `{ error, message }` and carries no stack trace or file path. */
async function expectJsonError(res: Response, status: number, code?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const text = await res.text();
  expect(text).not.toMatch(/\bat .*\(|node:internal|\/work\/|\.ts:\d+|Error:/);
  const body = JSON.parse(text) as { error: string; message: string };
  expect(typeof body.error).toBe('string');
  expect(typeof body.message).toBe('string');
  expect(body.message.length).toBeGreaterThan(0);
  if (code) expect(body.error).toBe(code);
  return body;
}

describe('REST API', () => {
  let t: TestServer;
  let staticDir: string;
  let outside: string;

  beforeAll(async () => {
    staticDir = await tempDir('journey-static-');
    outside = path.join(path.dirname(staticDir), `${path.basename(staticDir)}-secret.txt`);
    await writeFile(outside, 'secret');
    await mkdir(path.join(staticDir, 'assets'));
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Journey Studio</title><div id="root"></div>');
    await writeFile(path.join(staticDir, 'assets', 'app-abc123.js'), 'console.log(1)');
    t = await startTestServer({ staticDir });
  });
  afterAll(async () => {
    destroyAllClients();
    await t?.stop();
    await rm(staticDir, { recursive: true, force: true });
    await rm(outside, { force: true });
  });

  describe('POST /api/boards', () => {
    it('creates a board: 201 with an id and three distinct 128-bit base64url tokens', async () => {
      const res = await post(t.url, JSON.stringify({ title: 'Onboarding', locale: 'en' }));
      expect(res.status).toBe(201);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expectSecurityHeaders(res);
      const body = (await res.json()) as { id: string; tokens: Record<string, string> };
      expect(body.id).toMatch(BASE64URL_128);
      expect(Object.keys(body.tokens).sort()).toEqual([...ROLES].sort());
      const tokens = ROLES.map((r) => body.tokens[r]);
      for (const tok of tokens) {
        expect(tok).toMatch(BASE64URL_128);
        expect(Buffer.from(tok, 'base64url').length).toBeGreaterThanOrEqual(16);
      }
      expect(new Set([...tokens, body.id]).size).toBe(4);
      // Two boards never share ids or tokens.
      const other = await createBoardViaApi(t.url);
      expect(other.id).not.toBe(body.id);
      expect(ROLES.map((r) => other.tokens[r])).not.toContain(body.tokens.facilitator);
    });

    it('defaults: Italian and a default title, for an empty body and for {}', async () => {
      for (const body of [undefined, '{}', '{"title":"   "}']) {
        const res = await fetch(`${t.url}/api/boards`, {
          method: 'POST',
          headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
          body,
        });
        expect(res.status, String(body)).toBe(201);
        const { id, tokens } = (await res.json()) as { id: string; tokens: Record<string, string> };
        const access = await fetch(`${t.url}/api/boards/${id}/access`, { headers: { Authorization: `Bearer ${tokens.viewer}` } });
        expect(((await access.json()) as { title: string }).title).toBe('Nuovo percorso cliente');
        const c = await syncedClient(t.url, id, tokens.viewer);
        expect(readMeta(c.doc)).toMatchObject({ locale: 'it', title: 'Nuovo percorso cliente', schemaVersion: 1 });
        c.destroy();
      }
      const en = await createBoardViaApi(t.url, { locale: 'en' });
      const c = await syncedClient(t.url, en.id, en.tokens.viewer);
      expect(readMeta(c.doc)).toMatchObject({ locale: 'en', title: 'New customer journey' });
      c.destroy();
    });

    it('keeps a title of exactly the maximum length', async () => {
      const title = 'x'.repeat(MAX_TITLE_LENGTH);
      const b = await createBoardViaApi(t.url, { title });
      const access = await fetch(`${t.url}/api/boards/${b.id}/access`, { headers: { Authorization: `Bearer ${b.tokens.viewer}` } });
      expect(((await access.json()) as { title: string }).title).toBe(title);
    });

    it.each([
      ['a title of the wrong type', JSON.stringify({ title: 42 })],
      ['a locale of the wrong type', JSON.stringify({ locale: 1 })],
      ['an unsupported locale', JSON.stringify({ locale: 'fr' })],
      ['an unknown field', JSON.stringify({ title: 'ok', admin: true })],
      ['a title that is too long', JSON.stringify({ title: 'x'.repeat(MAX_TITLE_LENGTH + 1) })],
      ['an array', '[]'],
      ['null', 'null'],
      ['a string', '"title"'],
    ])('refuses %s with 400 invalid_body', async (_what, body) => {
      await expectJsonError(await post(t.url, body), 400, 'invalid_body');
    });

    it('refuses malformed JSON with 400 invalid_json', async () => {
      await expectJsonError(await post(t.url, '{"title": "unterminated'), 400, 'invalid_json');
    });

    it('refuses a body that is not JSON with 415', async () => {
      await expectJsonError(await post(t.url, 'title=x', { 'Content-Type': 'application/x-www-form-urlencoded' }), 415);
    });

    it('refuses a too large body with a JSON error (413), and keeps serving', async () => {
      const big = JSON.stringify({ title: 'x'.repeat(64 * 1024) });
      const res = await post(t.url, big);
      await expectJsonError(res, 413, 'too_large');
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    });

    it('answers 405 JSON for other methods', async () => {
      const res = await fetch(`${t.url}/api/boards`);
      await expectJsonError(res, 405);
      expect(res.headers.get('allow')).toBe('POST');
    });
  });

  describe('GET /api/boards/:id/access', () => {
    it('tells each token its role, and shares only links of equal or lesser rights', async () => {
      const b = await createBoardViaApi(t.url, { title: 'Roles', locale: 'en' });
      const expected: Record<string, string[]> = {
        facilitator: ['facilitator', 'participant', 'viewer'],
        participant: ['participant', 'viewer'],
        viewer: ['viewer'],
      };
      for (const role of ROLES) {
        const res = await fetch(`${t.url}/api/boards/${b.id}/access`, { headers: { Authorization: `Bearer ${b.tokens[role]}` } });
        expect(res.status).toBe(200);
        expectSecurityHeaders(res);
        const body = (await res.json()) as { id: string; role: string; title: string; links: Record<string, string> };
        expect(body).toMatchObject({ id: b.id, role, title: 'Roles' });
        expect(Object.keys(body.links).sort()).toEqual(expected[role].sort());
        for (const r of expected[role]) expect(body.links[r]).toBe(b.tokens[r as keyof typeof b.tokens]);
      }
    });

    it('401 for a wrong, missing or other-board token', async () => {
      const b = await createBoardViaApi(t.url);
      const other = await createBoardViaApi(t.url);
      const access = (headers: Record<string, string>) => fetch(`${t.url}/api/boards/${b.id}/access`, { headers });
      await expectJsonError(await access({ Authorization: 'Bearer not-a-token' }), 401, 'bad_token');
      await expectJsonError(await access({ Authorization: `Bearer ${other.tokens.facilitator}` }), 401, 'bad_token');
      await expectJsonError(await access({ Authorization: `Bearer ${b.tokens.viewer}x` }), 401, 'bad_token');
      await expectJsonError(await access({ Authorization: b.tokens.facilitator }), 401, 'bad_token');
      await expectJsonError(await access({}), 401, 'bad_token');
    });

    it('404 for an unknown or malformed board id', async () => {
      const b = await createBoardViaApi(t.url);
      const auth = { Authorization: `Bearer ${b.tokens.facilitator}` };
      await expectJsonError(await fetch(`${t.url}/api/boards/AAAAAAAAAAAAAAAAAAAAAA/access`, { headers: auth }), 404, 'unknown_board');
      await expectJsonError(await fetch(`${t.url}/api/boards/no!such*board/access`, { headers: auth }), 404, 'unknown_board');
    });
  });

  describe('other routes', () => {
    it('unknown /api routes: 404 JSON without stack traces', async () => {
      for (const p of ['/api/nope', '/api/boards/x/y/z', '/api/', '/api/boards/%E0%A4%A/access']) {
        const res = await fetch(`${t.url}${p}`);
        await expectJsonError(res, 404);
        expectSecurityHeaders(res);
      }
    });

    it('serves index.html with security headers, and the SPA fallback for /b/<id>', async () => {
      for (const p of ['/', '/b/AAAAAAAAAAAAAAAAAAAAAA', '/b/whatever?token=abc']) {
        const res = await fetch(`${t.url}${p}`);
        expect(res.status, p).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expectSecurityHeaders(res);
        expect(await res.text()).toContain('<title>Journey Studio</title>');
      }
    });

    it('serves hashed assets with long caching, and 404 JSON for missing files and paths outside the root', async () => {
      const asset = await fetch(`${t.url}/assets/app-abc123.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expectSecurityHeaders(asset);
      await expectJsonError(await fetch(`${t.url}/assets/missing.js`), 404);
      const escape = `/..%2f${path.basename(outside)}`;
      const res = await fetch(`${t.url}${escape}`);
      expect(res.status).not.toBe(200);
      expect(await res.text()).not.toContain('secret');
    });

    it('GET /api/network: no network link when bound to loopback, PUBLIC_URL when set', async () => {
      const res = await fetch(`${t.url}/api/network`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ publicUrl: null, networkUrl: null });
      await expectJsonError(await fetch(`${t.url}/api/network`, { method: 'POST' }), 405);
      const proxied = await startTestServer({ publicUrl: 'https://journey.example.org' });
      try {
        expect(await (await fetch(`${proxied.url}/api/network`)).json()).toEqual({ publicUrl: 'https://journey.example.org', networkUrl: null });
      } finally {
        await proxied.stop();
      }
    });

    it('health and metrics', async () => {
      const h = await fetch(`${t.url}/healthz`);
      expect(h.status).toBe(200);
      expect(await h.json()).toEqual({ ok: true });
      const m = await fetch(`${t.url}/metrics`);
      expect(await m.text()).toMatch(/^journey_boards_in_memory \d+$/m);
    });
  });
});
