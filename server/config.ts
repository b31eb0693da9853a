import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_MAX_DOC_BYTES } from '../shared/backup/backup-schema';

/** Every setting comes from the environment with a safe default; docs/configuration.md lists them. */
export interface ServerConfig {
  port: number;
  /** Address to bind; empty means every interface (so phones in the room can join). */
  host: string;
  /** The origin people reach the app at (behind a proxy, or a name), for share links and QR codes. */
  publicUrl: string | null;
  dataDir: string;
  /** PostgreSQL instead of the embedded LevelDB in dataDir when set (postgres://…). */
  databaseUrl: string | null;
  /** Connections to PostgreSQL this process keeps at most. */
  databasePoolSize: number;
  /** Built client to serve; omitted in tests that need only the API and websockets. */
  staticDir?: string;
  /** How long a board stays in memory after its last client leaves. */
  unloadDelayMs: number;
  /**
   * When LevelDB writes reach the disk (storage/level-store.ts FsyncMode): `true` flushed right after
   * being written (relayed once the operating system has them), `'before-relay'` flushed before they are
   * relayed (FSYNC=strict), `false` left to the OS. Every one survives a crash of the process.
   */
  fsync: boolean | 'before-relay';
  /** Largest websocket message accepted, in bytes; bigger frames close the connection with 1009. */
  maxMessageBytes: number;
  /** Compact a board's update log into one snapshot after this many updates. */
  compactEvery: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Per connection: messages a second (sustained) and the burst allowed above it. */
  rateMessages: number;
  rateMessagesBurst: number;
  /** Per connection: bytes a second (sustained) and the burst allowed above it. */
  rateBytes: number;
  rateBytesBurst: number;
  /** How often the server relays batched presence (awareness) changes, in ms. */
  awarenessFlushMs: number;
  /** Largest presence of one connection (all its ids) and of one presence message, in bytes (JSON). */
  maxAwarenessBytes: number;
  /** Presence bytes of one whole board. */
  maxPresenceBytesPerBoard: number;
  /** Bytes queued unsent towards one socket past which it is closed as a slow reader (4008). */
  maxSendBufferBytes: number;
  maxConnectionsPerBoard: number;
  maxConnections: number;
  /** Largest stored document of one board, in bytes; writes beyond are refused. */
  maxDocBytes: number;
  /** Percent of maxDocBytes one participant may add (server/rooms/person-quota.ts). */
  personSharePercent: number;
  /** New boards per client address a minute. */
  boardsPerMinute: number;
  /** Origins allowed to open websockets and create boards; empty means any. */
  allowedOrigins: string[];
  /**
   * Several instances (docs/scaling.md): the secret that authenticates a hop from one instance to
   * another (null: hops are refused), where the others reach this one, and its name in logs and leases.
   */
  clusterSecret: string | null;
  /** How long a board's lease lasts without renewal: a frozen owner's boards move after this. */
  leaseMs: number;
  /** Null: derived from HOST and PORT once the server listens (internalUrlFor). */
  internalUrl: string | null;
  instanceId: string;
}

const LIMIT_DEFAULTS = {
  rateMessages: 300,
  rateMessagesBurst: 1000,
  rateBytes: 1024 * 1024,
  rateBytesBurst: 8 * 1024 * 1024,
  awarenessFlushMs: 50,
  maxAwarenessBytes: 16 * 1024,
  maxPresenceBytesPerBoard: 1024 * 1024,
  maxSendBufferBytes: 8 * 1024 * 1024,
  maxConnectionsPerBoard: 250,
  maxConnections: 5000,
  maxDocBytes: DEFAULT_MAX_DOC_BYTES,
  personSharePercent: 25,
  boardsPerMinute: 30,
};

function int(v: string | undefined, fallback: number): number {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`invalid number in environment: ${v}`);
  return Math.floor(n);
}

/** PUBLIC_URL must be an http(s) origin: the app's links are absolute paths, so a sub-path cannot work. */
function origin(v: string | undefined): string | null {
  if (v === undefined || v.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(v.trim());
  } catch {
    throw new Error(`PUBLIC_URL is not a URL: ${v}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`PUBLIC_URL must start with http:// or https://: ${v}`);
  if (url.pathname !== '/' || url.search || url.hash) throw new Error(`PUBLIC_URL must be an origin without a path, like https://journey.example.org: ${v}`);
  return url.origin;
}

/** DATABASE_URL: empty means the embedded store; anything else must be a postgres:// URL. */
function databaseUrl(v: string | undefined): string | null {
  if (v === undefined || v.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(v.trim());
  } catch {
    throw new Error('DATABASE_URL is not a URL (expected postgres://user:password@host:5432/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error(`DATABASE_URL must start with postgres:// or postgresql:// (got ${url.protocol}//…)`);
  }
  return v.trim();
}

function bool(v: string | undefined, fallback: boolean): boolean {
  if (v === undefined || v === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(v.toLowerCase());
}

export function configFromEnv(env: NodeJS.ProcessEnv, root: string): ServerConfig {
  const level = env.LOG_LEVEL ?? 'info';
  return {
    port: int(env.PORT, 8080),
    // Every interface by default: phones in the room join with `npm start`. HOST=127.0.0.1 keeps it to one machine.
    host: env.HOST ?? '',
    publicUrl: origin(env.PUBLIC_URL),
    dataDir: path.resolve(root, env.DATA_DIR || 'data'),
    databaseUrl: databaseUrl(env.DATABASE_URL),
    databasePoolSize: Math.max(1, int(env.DATABASE_POOL_SIZE, 10)),
    staticDir: path.resolve(root, env.STATIC_DIR || 'dist/client'),
    unloadDelayMs: int(env.UNLOAD_DELAY_MS, 30_000),
    fsync: env.FSYNC?.toLowerCase() === 'strict' ? 'before-relay' : bool(env.FSYNC, true),
    maxMessageBytes: int(env.MAX_MESSAGE_BYTES, 2 * 1024 * 1024),
    compactEvery: int(env.COMPACT_EVERY, 500),
    logLevel: (['debug', 'info', 'warn', 'error', 'silent'].includes(level) ? level : 'info') as ServerConfig['logLevel'],
    rateMessages: int(env.RATE_MESSAGES, LIMIT_DEFAULTS.rateMessages),
    rateMessagesBurst: int(env.RATE_MESSAGES_BURST, LIMIT_DEFAULTS.rateMessagesBurst),
    rateBytes: int(env.RATE_BYTES, LIMIT_DEFAULTS.rateBytes),
    rateBytesBurst: int(env.RATE_BYTES_BURST, LIMIT_DEFAULTS.rateBytesBurst),
    awarenessFlushMs: int(env.AWARENESS_FLUSH_MS, LIMIT_DEFAULTS.awarenessFlushMs),
    maxAwarenessBytes: int(env.MAX_AWARENESS_BYTES, LIMIT_DEFAULTS.maxAwarenessBytes),
    maxPresenceBytesPerBoard: int(env.MAX_PRESENCE_BYTES_PER_BOARD, LIMIT_DEFAULTS.maxPresenceBytesPerBoard),
    maxSendBufferBytes: int(env.MAX_SEND_BUFFER_BYTES, LIMIT_DEFAULTS.maxSendBufferBytes),
    maxConnectionsPerBoard: int(env.MAX_CONNECTIONS_PER_BOARD, LIMIT_DEFAULTS.maxConnectionsPerBoard),
    maxConnections: int(env.MAX_CONNECTIONS, LIMIT_DEFAULTS.maxConnections),
    maxDocBytes: int(env.MAX_DOC_BYTES, LIMIT_DEFAULTS.maxDocBytes),
    personSharePercent: Math.min(100, int(env.PERSON_SHARE_PERCENT, LIMIT_DEFAULTS.personSharePercent)),
    boardsPerMinute: int(env.BOARDS_PER_MINUTE, LIMIT_DEFAULTS.boardsPerMinute),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    clusterSecret: secret(env.CLUSTER_SECRET),
    leaseMs: Math.max(500, int(env.LEASE_MS, 5_000)),
    internalUrl: internalUrl(env.INTERNAL_URL),
    instanceId: instanceId(env.INSTANCE_ID),
  };
}

/** A secret guessable in a lifetime would let anyone on the network act as an instance. */
function secret(v: string | undefined): string | null {
  if (v === undefined || v === '') return null;
  if (v.length < 16) throw new Error('CLUSTER_SECRET must be at least 16 characters (a random string; `openssl rand -hex 32` makes one)');
  return v;
}

function internalUrl(v: string | undefined): string | null {
  if (v === undefined || v.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(v.trim());
  } catch {
    throw new Error(`INTERNAL_URL is not a URL: ${v}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`INTERNAL_URL must start with http:// or https://: ${v}`);
  return url.origin;
}

function instanceId(v: string | undefined): string {
  if (v !== undefined && v !== '') {
    if (!/^[A-Za-z0-9._:-]{1,64}$/.test(v)) throw new Error(`INSTANCE_ID may hold letters, digits and . _ : - (at most 64): ${v}`);
    return v;
  }
  // Unique per process start: a restarted instance is a new owner, never mistaken for the old one.
  return `${os.hostname().replace(/[^A-Za-z0-9._-]/g, '').slice(0, 40) || 'host'}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** Where the other instances reach this one: INTERNAL_URL, else http://HOST:PORT (HOST empty: this machine's name). */
export function internalUrlFor(config: Pick<ServerConfig, 'internalUrl' | 'host'>, port: number): string {
  if (config.internalUrl) return config.internalUrl;
  const host = config.host === '' || config.host === '0.0.0.0' || config.host === '::' ? os.hostname() : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export function testConfig(overrides: Partial<ServerConfig> & { dataDir: string }): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    publicUrl: null,
    databaseUrl: null,
    databasePoolSize: 4,
    unloadDelayMs: 30_000,
    fsync: false,
    maxMessageBytes: 2 * 1024 * 1024,
    compactEvery: 500,
    logLevel: 'silent',
    ...LIMIT_DEFAULTS,
    boardsPerMinute: 10_000,
    allowedOrigins: [],
    clusterSecret: null,
    leaseMs: 5_000,
    internalUrl: null,
    instanceId: 'test',
    ...overrides,
  };
}
