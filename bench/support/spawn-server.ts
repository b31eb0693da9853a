/**
 * Starts the servers under test as separate processes on loopback:
 * - ours: `server/main.ts` exactly as in production (auth, persistence with fsync, limits on);
 * - the reference: bin/server.js of y-websocket@1.5.4 (rooms in memory, no auth, no persistence).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { stopChild, track } from './children';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const START_TIMEOUT_MS = 30_000;

export type ServerKind = 'ours' | 'reference';

export interface BoardAccess {
  /** Room name for the y-websocket client (the board id for ours). */
  room: string;
  /** Participant token (ours); empty for the reference. */
  token: string;
  facilitatorToken: string;
}

export interface BenchServer {
  kind: ServerKind;
  pid: number;
  port: number;
  httpUrl: string;
  /** Base URL for `new WebsocketProvider(wsBase, room, doc)`. */
  wsBase: string;
  /** Ours: the data directory (kept until stop). */
  dataDir?: string;
  /** Log lines at warn or error level (ours), for the report. */
  warnings: string[];
  /** The inspector's websocket URL when started with `inspect: true`. */
  inspectorUrl?: string;
  createBoard(title?: string): Promise<BoardAccess>;
  /** Ours: the Prometheus metrics as name → value (labels kept in the name). */
  metrics(): Promise<Map<string, number>>;
  /** SIGTERM (ours flushes), SIGKILL after 5 s; removes the data directory unless keepData. */
  stop(opts?: { keepData?: boolean; signal?: NodeJS.Signals }): Promise<void>;
}

let boardSeq = 0;

export interface StartOptions {
  env?: Record<string, string>;
  dataDir?: string;
  /** Start with the V8 inspector on a loopback port, to read the heap after a forced GC (see heap.ts). */
  inspect?: boolean;
}

const INSPECTOR_RE = /Debugger listening on (ws:\/\/\S+)/;

/** Resolves with the inspector URL the child prints on stderr. */
function inspectorUrl(stderr: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('no inspector URL within 30 s')), START_TIMEOUT_MS);
    const on = (d: Buffer) => {
      buf += d.toString();
      const m = INSPECTOR_RE.exec(buf);
      if (m) {
        clearTimeout(timer);
        stderr.off('data', on);
        resolve(m[1]);
      }
    };
    stderr.on('data', on);
  });
}

/**
 * Extra Node flags for our server, from BENCH_SERVER_NODE_ARGS (space-separated), e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where its time goes (Node refuses --cpu-prof in NODE_OPTIONS).
 */
const serverNodeArgs = (): string[] => (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

export async function startOurs(opts: StartOptions = {}): Promise<BenchServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'journey-bench-'));
  const child = track(
    spawn(process.execPath, [...(opts.inspect ? ['--inspect=127.0.0.1:0'] : []), ...serverNodeArgs(), '--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        FSYNC: 'true',
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const warnings: string[] = [];
  const stderr: string[] = [];
  child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  const inspector = opts.inspect ? inspectorUrl(child.stderr!) : undefined;
  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`our server: no "listening" line within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        let entry: Record<string, unknown> | null = null;
        try {
          entry = JSON.parse(line) as Record<string, unknown>;
        } catch {
          return;
        }
        if ((entry.level === 'warn' || entry.level === 'error') && warnings.length < 10_000) warnings.push(line);
        if (entry.msg === 'listening' && typeof entry.port === 'number') {
          clearTimeout(timer);
          resolve(entry.port);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`our server exited with code ${code} before listening:\n${stderr.join('')}`));
      });
    });
  } catch (err) {
    await stopChild(child, 1000);
    if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const httpUrl = `http://127.0.0.1:${port}`;
  return {
    kind: 'ours',
    pid: child.pid!,
    port,
    httpUrl,
    wsBase: `ws://127.0.0.1:${port}/ws`,
    dataDir,
    warnings,
    inspectorUrl: inspector ? await inspector : undefined,
    async createBoard(title = `Bench ${++boardSeq}`) {
      const res = await fetch(`${httpUrl}/api/boards`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title, locale: 'en' }),
      });
      if (res.status !== 201) throw new Error(`POST /api/boards answered ${res.status}: ${await res.text()}`);
      const body = (await res.json()) as { id: string; tokens: Record<string, string> };
      return { room: body.id, token: body.tokens.participant, facilitatorToken: body.tokens.facilitator };
    },
    async metrics() {
      const text = await (await fetch(`${httpUrl}/metrics`)).text();
      const out = new Map<string, number>();
      for (const line of text.split('\n')) {
        if (!line || line.startsWith('#')) continue;
        const i = line.lastIndexOf(' ');
        out.set(line.slice(0, i), Number(line.slice(i + 1)));
      }
      return out;
    },
    async stop({ keepData = false, signal = 'SIGTERM' } = {}) {
      await stopChild(child, 5_000, signal);
      if (!keepData && !opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A free loopback port (the reference server cannot report the port it got for PORT=0). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const require = createRequire(import.meta.url);

export async function startReference(opts: Pick<StartOptions, 'inspect'> = {}): Promise<BenchServer> {
  const script = path.join(path.dirname(require.resolve('y-websocket-ref/package.json')), 'bin', 'server.js');
  const port = await freePort();
  const child: ChildProcess = track(
    spawn(process.execPath, [...(opts.inspect ? ['--inspect=127.0.0.1:0'] : []), script], {
      cwd: ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const stderr: string[] = [];
  child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  const inspector = opts.inspect ? inspectorUrl(child.stderr!) : undefined;
  child.stdout!.resume();
  const httpUrl = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the reference server exited with code ${child.exitCode}:\n${stderr.join('')}`);
    try {
      const res = await fetch(httpUrl);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      await stopChild(child, 1000);
      throw new Error('the reference server did not answer within 30 s');
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    kind: 'reference',
    pid: child.pid!,
    port,
    httpUrl,
    wsBase: `ws://127.0.0.1:${port}`,
    warnings: [],
    inspectorUrl: inspector ? await inspector : undefined,
    async createBoard() {
      // The reference has no boards API: any room name opens an empty room.
      const room = `bench-${process.pid}-${++boardSeq}-${Math.random().toString(36).slice(2, 10)}`;
      return { room, token: '', facilitatorToken: '' };
    },
    async metrics() {
      return new Map();
    },
    async stop({ signal = 'SIGTERM' } = {}) {
      await stopChild(child, 5_000, signal);
    },
  };
}

export function startServer(kind: ServerKind, opts: StartOptions = {}): Promise<BenchServer> {
  return kind === 'ours' ? startOurs(opts) : startReference(opts);
}
