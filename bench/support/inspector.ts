/**
 * Another Node process seen through its inspector (started with --inspect=127.0.0.1:0): its V8 heap
 * after a forced GC, and the utilisation of its event loop. Nothing is changed in the process.
 */
import { WebSocket } from 'ws';

type Reply = { result?: Record<string, unknown>; error?: { message: string } };

async function session<T>(inspectorUrl: string, fn: (call: (method: string, params?: object) => Promise<Record<string, unknown>>) => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const ws = new WebSocket(inspectorUrl);
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    let next = 1;
    const pending = new Map<number, (r: Reply) => void>();
    ws.on('message', (data: Buffer) => {
      const msg = JSON.parse(data.toString()) as Reply & { id?: number };
      if (msg.id !== undefined) pending.get(msg.id)?.(msg);
    });
    const call = (method: string, params: object = {}) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const id = next++;
        const timer = setTimeout(() => reject(new Error(`inspector: ${method} timed out`)), timeoutMs);
        pending.set(id, (r) => {
          clearTimeout(timer);
          if (r.error) reject(new Error(r.error.message));
          else resolve(r.result ?? {});
        });
        ws.send(JSON.stringify({ id, method, params }));
      });
    return await fn(call);
  } finally {
    ws.close();
  }
}

/** V8's used heap after two full collections (the second frees what finalizers of the first released). */
export function heapAfterGc(inspectorUrl: string): Promise<{ used: number; total: number }> {
  return session(inspectorUrl, async (call) => {
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    return { used: Number(usage.usedSize), total: Number(usage.totalSize) };
  });
}

export interface LoopSample {
  idle: number;
  active: number;
}

/** The process's cumulative event-loop idle and active time (performance.eventLoopUtilization()). */
export function eventLoopSample(inspectorUrl: string): Promise<LoopSample> {
  return session(inspectorUrl, async (call) => {
    const r = await call('Runtime.evaluate', { expression: 'JSON.stringify(performance.eventLoopUtilization())', returnByValue: true });
    const v = JSON.parse(String((r.result as { value?: unknown }).value)) as LoopSample;
    return { idle: v.idle, active: v.active };
  });
}

/** Share of wall time the event loop was busy between two samples (1 = never idle). */
export function utilisation(a: LoopSample, b: LoopSample): number {
  const active = b.active - a.active;
  const idle = b.idle - a.idle;
  return active / (active + idle);
}
