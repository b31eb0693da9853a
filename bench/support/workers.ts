/**
 * Client-worker processes: the stock clients run there, not in the orchestrator, so the load generator
 * has its own event loops (and its CPU can be told apart from the servers').
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { stopChild, track } from './children';
import { ROOT } from './spawn-server';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

export interface ClientWorker {
  pid: number;
  call<T extends WorkerReply['type']>(req: WorkerRequest, timeoutMs: number, expect?: T): Promise<Extract<WorkerReply, { type: T }>>;
  stop(): Promise<void>;
}

export async function startWorker(): Promise<ClientWorker> {
  const child: ChildProcess = track(
    spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/support/client-worker.ts')], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    }),
  );
  let next = 1;
  const pending = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void }>();
  const ready = new Promise<void>((resolve, reject) => {
    pending.set(0, { resolve: () => resolve(), reject });
    setTimeout(() => reject(new Error('a client worker did not start within 30 s')), 30_000).unref();
  });
  child.on('message', (m: { id: number; reply?: WorkerReply; error?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(new Error(`client worker: ${m.error}`));
    else p.resolve(m.reply!);
  });
  child.once('exit', (code, signal) => {
    for (const p of pending.values()) p.reject(new Error(`a client worker exited (${code ?? signal})`));
    pending.clear();
  });
  await ready;
  return {
    pid: child.pid!,
    call(req, timeoutMs, expect) {
      const id = next++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`client worker: '${req.type}' did not answer within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (r) => {
            clearTimeout(timer);
            if (expect && r.type !== expect) reject(new Error(`client worker answered ${r.type}, expected ${expect}`));
            else resolve(r as never);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        });
        child.send({ id, req });
      });
    },
    async stop() {
      await stopChild(child, 2_000);
    },
  };
}

export async function startWorkers(n: number): Promise<ClientWorker[]> {
  return Promise.all(Array.from({ length: n }, () => startWorker()));
}

/** Splits items into n nearly equal groups, round robin. */
export function split<T>(items: T[], n: number): T[][] {
  const out: T[][] = Array.from({ length: n }, () => []);
  items.forEach((it, i) => out[i % n].push(it));
  return out;
}
