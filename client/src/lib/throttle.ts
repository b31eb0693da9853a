/**
 * Calls `fn` at most once per `intervalMs`: the first call goes out at once, later calls inside the
 * window collapse into one trailing call with the latest arguments. Presence uses it so cursors and
 * drag positions are sent at most 20 times a second however fast the pointer moves.
 */
export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** Sends a pending trailing call now (e.g. at the end of a drag, so the last position is not late). */
  flush(): void;
  cancel(): void;
}

export function throttle<A extends unknown[]>(fn: (...args: A) => void, intervalMs: number): Throttled<A> {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: A | null = null;

  const run = () => {
    timer = null;
    if (!pending) return;
    const args = pending;
    pending = null;
    last = Date.now();
    fn(...args);
  };

  const throttled = ((...args: A) => {
    pending = args;
    const wait = last + intervalMs - Date.now();
    if (wait <= 0 && !timer) run();
    else if (!timer) timer = setTimeout(run, Math.max(0, wait));
  }) as Throttled<A>;

  throttled.flush = () => {
    if (timer) clearTimeout(timer);
    run();
  };
  throttled.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return throttled;
}
