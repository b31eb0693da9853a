import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from '../app';
import { testConfig, type ServerConfig } from '../config';
import type { Logger } from '../log';

/**
 * The real server on 127.0.0.1, port 0, with a temporary data directory (or `overrides.dataDir`).
 * `restart()` closes it and starts a new one on the same directory (a new port); `stop()` closes it and
 * removes the directory.
 */
export interface TestServer {
  server: RunningServer;
  readonly url: string;
  dataDir: string;
  restart(overrides?: Partial<ServerConfig>): Promise<RunningServer>;
  stop(): Promise<void>;
}

export async function tempDir(prefix = 'journey-test-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export interface TestServerOptions extends ServerOptions {
  /** Where the server logs (silent by default, as testConfig's LOG_LEVEL says). */
  log?: Logger;
}

export async function startTestServer(overrides: Partial<ServerConfig> = {}, opts: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? (await tempDir());
  const { log, ...serverOpts } = opts;
  let current: RunningServer | null = await startServer(testConfig({ dataDir, ...overrides }), log, serverOpts);
  let stopped = false;
  const t: TestServer = {
    get server() {
      if (!current) throw new Error('server is not running');
      return current;
    },
    get url() {
      return t.server.url;
    },
    dataDir,
    async restart(more = {}) {
      if (current) await current.close();
      current = null;
      current = await startServer(testConfig({ dataDir, ...overrides, ...more }), log, serverOpts);
      return current;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (current) await current.close();
      current = null;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}
