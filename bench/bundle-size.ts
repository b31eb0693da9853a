/**
 * Section 4 (bundle): the production build of the client and the gzip size of what the initial page
 * loads: index.html and the JS and CSS it references (entry script, module preloads, stylesheets).
 * Lazy chunks are listed separately. The build goes to a temporary directory so the bench never
 * touches dist/ (tests of others may be using it); section 3 serves the same build.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { stopChild, track } from './support/children';
import type { Row, SectionResult } from './support/report';
import { ROOT } from './support/spawn-server';

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

export async function runBundleSize(build: ClientBuild): Promise<SectionResult> {
  const rows: Row[] = [];
  const notes: string[] = [];
  if (!build.ok) {
    return {
      id: 'bundle',
      title: '4b. Production bundle',
      rows: [{ metric: 'initial page, gzip', unit: 'KiB', ours: NaN, text: 'the client does not build yet' }],
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
  const js = size(initial.filter((f) => f.endsWith('.js')));
  const css = size(initial.filter((f) => f.endsWith('.css')));
  const lazy = all.filter((f) => !initial.includes(f) && f.endsWith('.js'));
  const lazySize = size(lazy);
  rows.push({ metric: 'initial page (HTML + JS + CSS it references), gzip -9', unit: 'KiB', ours: init.gzip / 1024, decimals: 1, runs: 1, better: 'lower' });
  rows.push({ metric: '  of which JavaScript, gzip', unit: 'KiB', ours: js.gzip / 1024, decimals: 1, runs: 1, better: 'lower' });
  rows.push({ metric: '  of which CSS, gzip', unit: 'KiB', ours: css.gzip / 1024, decimals: 1, runs: 1, better: 'lower' });
  rows.push({ metric: 'initial page, uncompressed', unit: 'KiB', ours: init.raw / 1024, decimals: 1, runs: 1, better: 'lower' });
  rows.push({ metric: `lazy JS chunks (${lazy.length}), gzip`, unit: 'KiB', ours: lazySize.gzip / 1024, decimals: 1, runs: 1, better: 'lower' });
  notes.push(
    `Built with \`vite build\` in ${build.seconds.toFixed(1)} s. Initial files: ${initial.map((f) => `\`${f}\``).join(', ')}. ` +
      `Sizes are gzip level 9 as a precompressing CDN or proxy would serve them: our server's static handler (server/http/static-files.ts) sends files ` +
      `uncompressed, so without a compressing proxy in front a browser downloads the uncompressed ${Math.round(init.raw / 1024)} KiB.`,
  );
  return { id: 'bundle', title: '4b. Production bundle', rows, notes };
}
