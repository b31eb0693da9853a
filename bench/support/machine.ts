/** Facts about the machine for BENCHMARKS.md, and how busy it is (the bench may share it). */
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineFacts {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  date: string;
}

export function machineFacts(): MachineFacts {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    date: new Date().toISOString(),
  };
}

/** Busy and total jiffies of all CPUs, from the first line of /proc/stat. */
function cpuJiffies(): { busy: number; total: number } {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …
    const idle = f[3] + (f[4] ?? 0);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: NaN, total: NaN };
  }
}

/** CPU seconds of this process plus every child it has reaped (servers, workers, Chromium). */
export function benchCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    // utime stime cutime cstime are fields 14–17 of the line: index 11–14 after the name.
    return (f[11] + f[12] + f[13] + f[14]) / 100;
  } catch {
    return NaN;
  }
}

/** Machine-wide busy cores (all processes) over a window; `stop()` returns the average. */
export class MachineWindow {
  private j0 = cpuJiffies();
  private t0 = performance.now();
  stop(): { busyCores: number; seconds: number } {
    const j = cpuJiffies();
    const seconds = (performance.now() - this.t0) / 1000;
    const cores = os.cpus().length;
    return { busyCores: ((j.busy - this.j0.busy) / (j.total - this.j0.total)) * cores, seconds };
  }
}

/** Busy cores over `ms` before anything of ours runs: other people's work on a shared machine. */
export async function backgroundBusy(ms = 1000): Promise<number> {
  const w = new MachineWindow();
  await new Promise((r) => setTimeout(r, ms));
  return w.stop().busyCores;
}

/**
 * Waits (bounded) until other processes use less than `maxCores`; returns the last measurement.
 * Numbers from a busy machine are not comparable with numbers from a quiet one.
 */
export async function waitForQuiet(maxCores: number, maxWaitMs: number, log: (s: string) => void): Promise<number> {
  const end = performance.now() + maxWaitMs;
  let busy = await backgroundBusy(1000);
  let warned = false;
  while (busy > maxCores && performance.now() < end) {
    if (!warned) log(`  the machine is busy with other work (${busy.toFixed(2)} cores); waiting up to ${Math.round(maxWaitMs / 1000)} s for it to calm down`);
    warned = true;
    busy = await backgroundBusy(2000);
  }
  return busy;
}

/**
 * fsync latency of the directory the servers keep their data in (os.tmpdir()): our server waits for
 * one before it relays an update, so its latency follows this disk.
 */
export async function fsyncLatency(samples = 40): Promise<{ p50: number; p99: number; max: number }> {
  const { mkdtempSync, openSync, writeSync, fsyncSync, closeSync, rmSync } = await import('node:fs');
  const path = await import('node:path');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'journey-bench-fsync-'));
  const times: number[] = [];
  try {
    const fd = openSync(path.join(dir, 'probe'), 'w');
    const buf = Buffer.alloc(4096, 7);
    try {
      for (let i = 0; i < samples; i++) {
        writeSync(fd, buf);
        const t = performance.now();
        fsyncSync(fd);
        times.push(performance.now() - t);
        // Spread the samples a little, as writes arrive in real use.
        await new Promise((r) => setTimeout(r, 5));
      }
    } finally {
      closeSync(fd);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
  return { p50: at(50), p99: at(99), max: times[times.length - 1] };
}
