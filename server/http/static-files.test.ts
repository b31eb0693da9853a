import http from 'node:http';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/precompress';
import { startTestServer, tempDir, type TestServer } from '../test-support/server';
import { acceptedEncodings } from './accept-encoding';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET with exactly the headers given (fetch would add its own Accept-Encoding and decode the body). */
function rawGet(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('acceptedEncodings', () => {
  it('reads the codings a client accepts, brotli first, honouring q=0 and *', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip')).toEqual(['gzip']);
    expect(acceptedEncodings('br;q=0, gzip;q=0.5')).toEqual(['gzip']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('*;q=0, identity')).toEqual([]);
    expect(acceptedEncodings('x-gzip')).toEqual(['gzip']);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings('')).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
    expect(acceptedEncodings('BR ; Q=1')).toEqual(['br']);
  });
});

describe('static files, precompressed at build', () => {
  let t: TestServer;
  let dir: string;
  // Text that compresses well and is above the plugin's 1 KiB threshold.
  const js = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word-${i % 37}`))};\n`;
  const html = `<!doctype html><title>Journey Studio</title>${'<div class="x"></div>'.repeat(100)}`;

  beforeAll(async () => {
    dir = await tempDir('journey-static-compressed-');
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), html);
    await writeFile(path.join(dir, 'assets', 'app-abc123.js'), js);
    await writeFile(path.join(dir, 'assets', 'tiny-abc123.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'assets', 'logo-abc123.png'), Buffer.alloc(4096, 7));
    const compressed = await precompressDir(dir);
    expect(compressed.map((f) => path.relative(dir, f)).sort()).toEqual(['assets/app-abc123.js', 'index.html']);
    t = await startTestServer({ staticDir: dir });
  });

  afterAll(async () => {
    await t?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends brotli to a browser that accepts it, with Vary and the real compressed length', async () => {
    const res = await rawGet(`${t.url}/assets/app-abc123.js`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toBe('Accept-Encoding');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(res.body.byteLength);
    expect(res.body.byteLength).toBeLessThan(Buffer.byteLength(js) / 3);
    expect(brotliDecompressSync(res.body).toString()).toBe(js);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends gzip when brotli is not accepted, and the plain file when nothing is', async () => {
    const gz = await rawGet(`${t.url}/assets/app-abc123.js`, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(js);
    const refusedBr = await rawGet(`${t.url}/assets/app-abc123.js`, { 'Accept-Encoding': 'br;q=0, gzip' });
    expect(refusedBr.headers['content-encoding']).toBe('gzip');
    const plain = await rawGet(`${t.url}/assets/app-abc123.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(js);
    const identity = await rawGet(`${t.url}/assets/app-abc123.js`, { 'Accept-Encoding': 'identity' });
    expect(identity.body.toString()).toBe(js);
  });

  it('serves files without a compressed copy as they are (tiny files, images)', async () => {
    const tiny = await rawGet(`${t.url}/assets/tiny-abc123.js`, { 'Accept-Encoding': 'br, gzip' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('console.log(1)');
    const png = await rawGet(`${t.url}/assets/logo-abc123.png`, { 'Accept-Encoding': 'br, gzip' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.body.byteLength).toBe(4096);
  });

  it('index.html and app routes: compressed, revalidated on every load (no-cache), never immutable', async () => {
    for (const p of ['/', '/index.html', '/b/AAAAAAAAAAAAAAAAAAAAAA', '/assets/not-a-file']) {
      const res = await rawGet(`${t.url}${p}`, { 'Accept-Encoding': 'br' });
      expect(res.status, p).toBe(200);
      expect(res.headers['cache-control'], p).toBe('no-cache');
      expect(res.headers['content-encoding'], p).toBe('br');
      expect(brotliDecompressSync(res.body).toString(), p).toBe(html);
    }
  });

  it('HEAD answers the same headers without a body', async () => {
    const res = await rawGet(`${t.url}/assets/app-abc123.js`, { 'Accept-Encoding': 'gzip' }, 'HEAD');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(Number(res.headers['content-length'])).toBeGreaterThan(0);
    expect(res.body.byteLength).toBe(0);
  });
});
