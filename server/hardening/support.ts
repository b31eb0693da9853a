/**
 * Helpers for the hardening tests: the real server in-process with its logs captured, metrics scraping
 * and memory readings here; raw y-websocket peers, frame builders, raw TCP and seeded randomness in
 * ./support/. Everything talks to 127.0.0.1 only.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { testConfig, type ServerConfig } from '../config';
import { createLogger } from '../log';
import { startTestServer, tempDir as baseTempDir, type TestServer } from '../test-support/server';

export * from './support/frames';
export * from './support/peer';
export * from './support/random';
export * from './support/raw-tcp';
export * from './support/structs';

// ---------------------------------------------------------------------------------------------------
// The server in-process, with captured logs

/** The test server (test-support/server.ts) with every log line it wrote kept. */
export interface HardServer extends TestServer {
  /** Every log line the server wrote (JSON, one per event). */
  logs: string[];
  config: ServerConfig;
}

export function tempDir(prefix = 'journey-hard-'): Promise<string> {
  return baseTempDir(prefix);
}

export async function startHardServer(overrides: Partial<ServerConfig> = {}, level: ServerConfig['logLevel'] = 'debug'): Promise<HardServer> {
  const logs: string[] = [];
  const dataDir = overrides.dataDir ?? (await tempDir());
  const t = await startTestServer({ ...overrides, dataDir }, { log: createLogger(level, (line) => logs.push(line)) });
  return Object.assign(t, { logs, config: testConfig({ ...overrides, dataDir }) });
}

// ---------------------------------------------------------------------------------------------------
// Metrics, logs

/** GET /metrics parsed into `name{labels}` → value. */
export async function scrapeMetrics(url: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

export const metric = (m: Map<string, number>, key: string): number => m.get(key) ?? 0;

/** Parsed log lines (each must be one JSON object). */
export function parsedLogs(lines: string[]): Array<Record<string, unknown> & { msg: string; level: string }> {
  return lines.map((l) => JSON.parse(l) as Record<string, unknown> & { msg: string; level: string });
}

// ---------------------------------------------------------------------------------------------------
// Memory

/** A garbage collection now: global.gc when Node runs with --expose-gc, else switched on here. */
export const collectGarbage: () => void = (() => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

/** Memory after a few full collections, in MiB. */
export async function settledMemory(): Promise<{ heapUsed: number; rss: number }> {
  for (let i = 0; i < 4; i++) {
    collectGarbage();
    await new Promise((r) => setTimeout(r, 20));
  }
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed / 2 ** 20, rss: m.rss / 2 ** 20 };
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function inParallel<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
