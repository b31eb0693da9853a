import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The server as users run it: `node --import tsx server/main.ts`, spawned directly (not through npx),
 * so `child.pid` is the server itself and SIGKILL/SIGTERM reach it.
 */
export interface ServerProcess {
  child: ChildProcess;
  /** Resolves with the port from the "listening" log line; rejects if the process exits first. */
  ready: Promise<{ port: number; url: string }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout(): string;
  stderr(): string;
  /** Sends SIGKILL if it still runs, and waits for the exit. */
  kill(): Promise<void>;
}

const running = new Set<ServerProcess>();

export function spawnServer(dataDir: string, env: Record<string, string> = {}): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<{ port: number; url: string }>((resolve, reject) => {
    child.stdout!.on('data', (d: string) => {
      out += d;
      for (const line of out.split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          const entry = JSON.parse(line) as { msg?: string; port?: number };
          if (entry.msg === 'listening' && typeof entry.port === 'number') {
            resolve({ port: entry.port, url: `http://127.0.0.1:${entry.port}` });
          }
        } catch {
          /* a partial line: wait for more */
        }
      }
    });
    void exited.then(({ code, signal }) => reject(new Error(`server exited (${code ?? signal}) before listening: ${err}`)));
  });
  ready.catch(() => {});
  const proc: ServerProcess = {
    child,
    ready,
    exited,
    stdout: () => out,
    stderr: () => err,
    async kill() {
      running.delete(proc);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  running.add(proc);
  void exited.then(() => running.delete(proc));
  return proc;
}

export async function killAllServerProcesses(): Promise<void> {
  await Promise.all([...running].map((p) => p.kill()));
}
