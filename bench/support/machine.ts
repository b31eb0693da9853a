/** Facts about the machine for BENCHMARKS.md, and how busy it is (the bench may share it). */
import { readdirSync, readFileSync } from 'node:fs';
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

/**
 * CPU used by processes that are not the bench's (not this process or its descendants, such as the
 * servers, the client workers and Chromium with its renderers), sampled from /proc. Kernel threads are
 * left out: they mostly do work the bench causes (loopback networking, disk). CPU of a process that
 * exits between two samples is lost after its last sample, so the figures are slight underestimates.
 */
export class OthersWindow {
  private last = new Map<number, { cpu: number; ours: boolean }>();
  private others = 0;
  private ours = 0;
  private t0 = performance.now();
  private timer: NodeJS.Timeout;

  constructor(everyMs = 500) {
    this.sample(true);
    this.timer = setInterval(() => this.sample(false), everyMs);
    this.timer.unref();
  }

  private sample(first: boolean): void {
    let entries: string[];
    try {
      entries = readdirSync('/proc').filter((n) => /^\d+$/.test(n));
    } catch {
      return;
    }
    const info = new Map<number, { ppid: number; cpu: number }>();
    for (const e of entries) {
      try {
        const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        info.set(Number(e), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / 100 });
      } catch {
        // gone meanwhile
      }
    }
    const self = process.pid;
    const memo = new Map<number, 'ours' | 'other' | 'kernel'>();
    const classify = (pid: number): 'ours' | 'other' | 'kernel' => {
      const known = memo.get(pid);
      if (known) return known;
      let kind: 'ours' | 'other' | 'kernel';
      if (pid === self) kind = 'ours';
      else if (pid === 2) kind = 'kernel';
      else {
        const p = info.get(pid);
        kind = !p || p.ppid <= 1 ? 'other' : classify(p.ppid);
      }
      memo.set(pid, kind);
      return kind;
    };
    const next = new Map<number, { cpu: number; ours: boolean }>();
    for (const [pid, p] of info) {
      const kind = classify(pid);
      if (kind === 'kernel') continue;
      const ours = kind === 'ours';
      const prev = this.last.get(pid);
      if (!first) {
        // A process not seen before started after the last sample: all its CPU falls in the window.
        const delta = prev ? p.cpu - prev.cpu : p.cpu;
        if (ours) this.ours += delta;
        else this.others += delta;
      }
      next.set(pid, { cpu: p.cpu, ours });
    }
    this.last = next;
  }

  stop(): { otherCores: number; benchCores: number } {
    clearInterval(this.timer);
    this.sample(false);
    const seconds = (performance.now() - this.t0) / 1000;
    return { otherCores: this.others / seconds, benchCores: this.ours / seconds };
  }
}
