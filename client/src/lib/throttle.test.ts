import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle';

describe('throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the first call at once and collapses the rest of the window into one trailing call', () => {
    const calls: number[] = [];
    const t = throttle((n: number) => calls.push(n), 50);
    t(1);
    t(2);
    t(3);
    expect(calls).toEqual([1]);
    vi.advanceTimersByTime(49);
    expect(calls).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([1, 3]);
  });

  it('never exceeds one call per interval under a steady stream', () => {
    const calls: number[] = [];
    const t = throttle((n: number) => calls.push(n), 50);
    for (let i = 0; i < 100; i++) {
      t(i);
      vi.advanceTimersByTime(5); // 200 calls a second in
    }
    vi.advanceTimersByTime(100);
    // 500 ms of input at 20/s at most, plus the leading call.
    expect(calls.length).toBeLessThanOrEqual(11);
    expect(calls.at(-1)).toBe(99);
  });

  it('flush sends the pending call now; cancel drops it', () => {
    const calls: string[] = [];
    const t = throttle((s: string) => calls.push(s), 50);
    t('a');
    t('b');
    t.flush();
    expect(calls).toEqual(['a', 'b']);
    t('c');
    t.cancel();
    vi.advanceTimersByTime(200);
    expect(calls).toEqual(['a', 'b']);
  });
});
