/**
 * Keeps the log from being a way to fill the disk: the same message (level and text) is written at
 * most `perWindow` times per window; what is held back is counted and reported in one line
 * (`repeated log lines suppressed`) when the window ends. Field values that are long strings (an
 * Origin header, an error text) are cut short. Before this, a client opening websockets with a refused
 * Origin wrote 7.5 MB of log in one second.
 */
export const LOG_REPEATS_PER_WINDOW = 20;
export const LOG_WINDOW_MS = 10_000;
/** Longest string field value written, in characters. */
export const LOG_MAX_FIELD_CHARS = 300;

interface Window {
  started: number;
  written: number;
  suppressed: number;
}

export class RepeatLimiter {
  private windows = new Map<string, Window>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    /** Writes the summary of a window's suppressed lines. */
    private report: (key: string, suppressed: number) => void,
    private perWindow = LOG_REPEATS_PER_WINDOW,
    private windowMs = LOG_WINDOW_MS,
    private now: () => number = () => Date.now(),
  ) {}

  /** Whether a line under `key` may be written now. */
  allow(key: string): boolean {
    const t = this.now();
    let w = this.windows.get(key);
    if (w && t - w.started >= this.windowMs) {
      this.close(key, w);
      w = undefined;
    }
    if (!w) {
      w = { started: t, written: 0, suppressed: 0 };
      this.windows.set(key, w);
    }
    if (w.written < this.perWindow) {
      w.written++;
      return true;
    }
    w.suppressed++;
    this.schedule();
    return false;
  }

  /** Reports every ended window that held something back (also called by a timer). */
  flush(): void {
    const t = this.now();
    for (const [key, w] of this.windows) if (t - w.started >= this.windowMs) this.close(key, w);
    // Keys that stay quiet must not pile up either.
    if (this.windows.size > 10_000) this.windows.clear();
  }

  private close(key: string, w: Window): void {
    this.windows.delete(key);
    if (w.suppressed > 0) this.report(key, w.suppressed);
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
      for (const w of this.windows.values()) if (w.suppressed > 0) return this.schedule();
    }, this.windowMs);
    this.timer.unref();
  }
}

/** A copy of `fields` with long string values cut to LOG_MAX_FIELD_CHARS. */
export function shortFields(fields: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!fields) return fields;
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v !== 'string' || v.length <= LOG_MAX_FIELD_CHARS) continue;
    out ??= { ...fields };
    out[k] = `${v.slice(0, LOG_MAX_FIELD_CHARS)}… (${v.length} chars)`;
  }
  return out ?? fields;
}
