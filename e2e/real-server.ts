/**
 * Starts the real server (`server/main.ts`, as `npm start` does) in a child process on a free loopback
 * port with a fresh data directory, serving the built client (the run's copy of dist/client).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export interface RealServer {
  url: string;
  port: number;
  dataDir: string;
  /** The server's log lines so far (JSON, one per line), for failure messages. */
  logs: string[];
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '..');
const START_TIMEOUT_MS = 20_000;

export async function startRealServer(): Promise<RealServer> {
  // e2e/global-setup.ts copies the build once per run; without it (a lone `playwright test` with
  // another config), serve dist/client directly.
  const staticDir = process.env.E2E_STATIC_DIR || path.join(ROOT, 'dist/client');
  if (!existsSync(path.join(staticDir, 'index.html'))) throw new Error(`${staticDir}/index.html is missing: run \`vite build\` first.`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'journey-e2e-'));
  const dataDir = path.join(tmp, 'data');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: staticDir,
      LOG_LEVEL: process.env.E2E_SERVER_LOG_LEVEL || 'info',
      UNLOAD_DELAY_MS: '2000',
      // Every spec creates boards from 127.0.0.1; the per-address creation limit is for the public.
      BOARDS_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // If this worker exits without its teardown (a crash, a timeout), take the server along.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  const logs: string[] = [];
  const stderr: string[] = [];
  child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));

  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "listening" line within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        logs.push(line);
        const entry = parseJson(line);
        if (entry?.level === 'error') process.stderr.write(`[server] ${line}\n`);
        if (entry?.msg === 'listening' && typeof entry.port === 'number') {
          clearTimeout(timer);
          resolve(entry.port);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited with code ${code} before listening`));
      });
    });
  } catch (err) {
    await kill(child);
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`${(err as Error).message}\nstderr:\n${stderr.join('')}\nstdout:\n${logs.join('\n')}`);
  }

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    logs,
    async stop() {
      await kill(child);
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

function parseJson(line: string): Record<string, unknown> | null {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** SIGTERM (the server flushes and exits), SIGKILL if it has not exited after 5 s. */
async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
