/**
 * Section 4 (bundle): the production build of the client and the bytes our server sends for what the
 * initial page loads: index.html and the JS and CSS it references (entry script, module preloads,
 * stylesheets), as a browser receives them (brotli, precompressed at build). Lazy chunks are listed
 * separately. The build goes to a temporary directory so the bench never
 * touches dist/ (tests of others may be using it); section 3 serves the same build.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { stopChild, track } from './support/children';
import type { Row, SectionResult } from './support/report';
import { ROOT, startOurs } from './support/spawn-server';

export interface ClientBuild {
  dir: string;
  seconds: number;
  ok: boolean;
  output: string;
}

/** `vite build` of the client into a fresh temporary directory (bounded to 3 minutes). */
export async function buildClient(log: (s: string) => void = console.log): Promise<ClientBuild> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'journey-bench-client-'));
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const t0 = performance.now();
  const child = track(
    spawn(process.execPath, [vite, 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      log('  vite build took over 3 minutes; stopped');
      void stopChild(child, 1000);
    }, 180_000);
    child.once('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  const ok = code === 0 && existsSync(path.join(dir, 'index.html'));
  return { dir, seconds: (performance.now() - t0) / 1000, ok, output: output.trim() };
}

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).byteLength;

function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, base));
    else out.push(path.relative(base, p));
  }
  return out;
}

/** Files the initial page loads, from index.html (paths relative to the build directory). */
export function initialAssets(dir: string): string[] {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*\srel="(?:stylesheet|modulepreload)"[^>]*\shref="([^"]+)"/g)) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*\shref="([^"]+)"[^>]*\srel="(?:stylesheet|modulepreload)"/g)) refs.add(m[1]);
  return [...refs].filter((r) => !/^https?:/.test(r)).map((r) => r.replace(/^\//, ''));
}

/** Bytes on the wire for one GET of `url` with the given Accept-Encoding (the body as sent, not decoded). */
function wireBytes(url: string, acceptEncoding: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.byteLength));
      res.on('end', () =>
        res.statusCode === 200 ? resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? 'none') }) : reject(new Error(`${url}: ${res.statusCode}`)),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** What our server sends for `files` (paths under the build) to a client sending `acceptEncoding`. */
async function served(httpUrl: string, files: string[], acceptEncoding: string) {
  let bytes = 0;
  const encodings = new Set<string>();
  for (const f of files) {
    const r = await wireBytes(`${httpUrl}/${f === 'index.html' ? '' : f}`, acceptEncoding);
    bytes += r.bytes;
    encodings.add(r.encoding);
  }
  return { bytes, encodings: [...encodings] };
}

/** What a current Chromium sends. */
const BROWSER_ACCEPT = 'gzip, deflate, br, zstd';

export async function runBundleSize(build: ClientBuild): Promise<SectionResult> {
  const rows: Row[] = [];
  const notes: string[] = [];
  if (!build.ok) {
    return {
      id: 'bundle',
      title: '4b. Production bundle',
      rows: [{ metric: 'initial page, as served to a browser', unit: 'KiB', ours: NaN, text: 'the client does not build yet' }],
      notes: [`vite build failed:\n\n\`\`\`\n${build.output.slice(-2000)}\n\`\`\``],
    };
  }
  const initial = ['index.html', ...initialAssets(build.dir)].filter((f) => existsSync(path.join(build.dir, f)));
  const all = listFiles(build.dir).filter((f) => /\.(js|css|html)$/.test(f));
  const size = (files: string[]) => {
    let raw = 0;
    let gzip = 0;
    for (const f of files) {
      const buf = readFileSync(path.join(build.dir, f));
      raw += buf.byteLength;
      gzip += gz(buf);
    }
    return { raw, gzip };
  };
  const init = size(initial);
  const lazy = all.filter((f) => !initial.includes(f) && f.endsWith('.js'));
  const server = await startOurs({ env: { STATIC_DIR: build.dir } });
  try {
    const browser = await served(server.httpUrl, initial, BROWSER_ACCEPT);
    const browserJs = await served(server.httpUrl, initial.filter((f) => f.endsWith('.js')), BROWSER_ACCEPT);
    const browserCss = await served(server.httpUrl, initial.filter((f) => f.endsWith('.css')), BROWSER_ACCEPT);
    const gzipOnly = await served(server.httpUrl, initial, 'gzip');
    const plain = await served(server.httpUrl, initial, '');
    const lazyServed = await served(server.httpUrl, lazy, BROWSER_ACCEPT);
    const kib = (n: number) => n / 1024;
    rows.push({ metric: `initial page (HTML + JS + CSS it references) as our server sends it to a browser`, unit: 'KiB', ours: kib(browser.bytes), decimals: 1, runs: 1, better: 'lower' });
    rows.push({ metric: '  of which JavaScript', unit: 'KiB', ours: kib(browserJs.bytes), decimals: 1, runs: 1, better: 'lower' });
    rows.push({ metric: '  of which CSS', unit: 'KiB', ours: kib(browserCss.bytes), decimals: 1, runs: 1, better: 'lower' });
    rows.push({ metric: "  the same to a client that accepts only gzip", unit: 'KiB', ours: kib(gzipOnly.bytes), decimals: 1, runs: 1, better: 'lower' });
    rows.push({ metric: '  the same uncompressed (a client that accepts no encoding)', unit: 'KiB', ours: kib(plain.bytes), decimals: 1, runs: 1, better: 'lower' });
    rows.push({ metric: `lazy JS chunks (${lazy.length}) as sent to a browser`, unit: 'KiB', ours: kib(lazyServed.bytes), decimals: 1, runs: 1, better: 'lower' });
    notes.push(
      `Built with \`vite build\` in ${build.seconds.toFixed(1)} s (including writing the brotli and gzip copies, scripts/precompress.ts). ` +
        `Initial files: ${initial.map((f) => `\`${f}\``).join(', ')}. Sizes are the bytes our server (server/main.ts, STATIC_DIR set to the build) ` +
        `sent over loopback for one GET of each file with \`Accept-Encoding: ${BROWSER_ACCEPT}\` (as Chromium sends), with \`gzip\` only, and with none. ` +
        `Files under 1 KiB (index.html is ${(readFileSync(path.join(build.dir, 'index.html')).byteLength / 1024).toFixed(1)} KiB) go out as they are. ` +
        `For comparison, gzip -9 of the same files is ${(init.gzip / 1024).toFixed(1)} KiB and they are ${(init.raw / 1024).toFixed(1)} KiB uncompressed.`,
    );
  } finally {
    await server.stop();
  }
  return { id: 'bundle', title: '4b. Production bundle', rows, notes };
}
