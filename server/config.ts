import path from 'node:path';

/** Every setting comes from the environment with a safe default; docs/configuration.md lists them. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Built client to serve; omitted in tests that need only the API and websockets. */
  staticDir?: string;
  /** How long a board stays in memory after its last client leaves. */
  unloadDelayMs: number;
  /** fsync each write batch (true) or leave it to the OS (survives a process crash, not a power cut). */
  fsync: boolean;
  /** Largest websocket message accepted, in bytes; bigger frames close the connection with 1009. */
  maxMessageBytes: number;
  /** Compact a board's update log into one snapshot after this many updates. */
  compactEvery: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

function int(v: string | undefined, fallback: number): number {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`invalid number in environment: ${v}`);
  return Math.floor(n);
}

function bool(v: string | undefined, fallback: boolean): boolean {
  if (v === undefined || v === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(v.toLowerCase());
}

export function configFromEnv(env: NodeJS.ProcessEnv, root: string): ServerConfig {
  const level = env.LOG_LEVEL ?? 'info';
  return {
    port: int(env.PORT, 8080),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(root, env.DATA_DIR || 'data'),
    staticDir: path.resolve(root, env.STATIC_DIR || 'dist/client'),
    unloadDelayMs: int(env.UNLOAD_DELAY_MS, 30_000),
    fsync: bool(env.FSYNC, true),
    maxMessageBytes: int(env.MAX_MESSAGE_BYTES, 2 * 1024 * 1024),
    compactEvery: int(env.COMPACT_EVERY, 500),
    logLevel: (['debug', 'info', 'warn', 'error', 'silent'].includes(level) ? level : 'info') as ServerConfig['logLevel'],
  };
}

export function testConfig(overrides: Partial<ServerConfig> & { dataDir: string }): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    unloadDelayMs: 30_000,
    fsync: false,
    maxMessageBytes: 2 * 1024 * 1024,
    compactEvery: 500,
    logLevel: 'silent',
    ...overrides,
  };
}
