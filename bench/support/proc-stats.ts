import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/**
 * CPU time and resident memory of a process, from /proc (Linux). CPU is user+system time of all
 * its threads; RSS is VmRSS from /proc/<pid>/status.
 */
let ticksPerSecond = 100;
try {
  ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
} catch {
  // getconf missing: Linux uses 100 almost everywhere.
}

/** CPU seconds (user + system) used by the process so far; NaN when it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the full line: index 11 and 12 after the name.
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return NaN;
  }
}

function statusField(pid: number, name: string): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Bytes the process read and wrote through system calls (sockets included), from /proc/<pid>/io. */
export function ioBytes(pid: number): { read: number; write: number } {
  try {
    const io = readFileSync(`/proc/${pid}/io`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(io)?.[1] ?? NaN);
    return { read: field('rchar'), write: field('wchar') };
  } catch {
    return { read: NaN, write: NaN };
  }
}

/** Resident memory in bytes. */
export const rssBytes = (pid: number) => statusField(pid, 'VmRSS');
/** Peak resident memory in bytes. */
export const peakRssBytes = (pid: number) => statusField(pid, 'VmHWM');

/** Measures a process over a window: CPU share of one core and RSS sampled every `everyMs`. */
export class ProcWindow {
  private cpu0: number;
  private io0: { read: number; write: number };
  private t0: number;
  private rss: number[] = [];
  private timer: NodeJS.Timeout;

  constructor(
    readonly pid: number,
    everyMs = 250,
  ) {
    this.cpu0 = cpuSeconds(pid);
    this.io0 = ioBytes(pid);
    this.t0 = performance.now();
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  private sample() {
    const r = rssBytes(this.pid);
    if (Number.isFinite(r)) this.rss.push(r);
  }

  /** Stops sampling. cpu: cores used on average (1.0 = one core busy); rss in bytes. */
  stop(): { cpuCores: number; cpuSeconds: number; seconds: number; rssMax: number; rssLast: number; readBps: number; writeBps: number } {
    clearInterval(this.timer);
    this.sample();
    const seconds = (performance.now() - this.t0) / 1000;
    const used = cpuSeconds(this.pid) - this.cpu0;
    const io = ioBytes(this.pid);
    return {
      readBps: (io.read - this.io0.read) / seconds,
      writeBps: (io.write - this.io0.write) / seconds,
      cpuCores: used / seconds,
      cpuSeconds: used,
      seconds,
      rssMax: this.rss.length ? Math.max(...this.rss) : NaN,
      rssLast: this.rss.length ? this.rss[this.rss.length - 1] : NaN,
    };
  }
}
