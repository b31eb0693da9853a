import { describe, expect, it } from 'vitest';
import { createLogger } from './log';
import { RepeatLimiter, shortFields } from './log-limit';

describe('repeated log lines', () => {
  it('writes a message 20 times per window, then reports how many it held back when the window ends', () => {
    let now = 0;
    const reports: Array<[string, number]> = [];
    const limiter = new RepeatLimiter((key, n) => reports.push([key, n]), 20, 10_000, () => now);
    const allowed = Array.from({ length: 1000 }, () => limiter.allow('warn refused')).filter(Boolean).length;
    expect(allowed).toBe(20);
    expect(limiter.allow('warn other')).toBe(true); // other messages are counted on their own
    now = 10_000;
    limiter.flush();
    expect(reports).toEqual([['warn refused', 980]]);
    expect(limiter.allow('warn refused')).toBe(true); // a new window
  });

  it('the logger cuts long field values and keeps one JSON object per line', () => {
    const lines: string[] = [];
    const log = createLogger('info', (l) => lines.push(l));
    for (let i = 0; i < 100; i++) log.warn('websocket refused: origin not allowed', { origin: 'o'.repeat(10_000) });
    expect(lines).toHaveLength(20);
    const first = JSON.parse(lines[0]) as { origin: string };
    expect(first.origin.length).toBeLessThan(400);
    expect(first.origin).toContain('10000 chars');
    expect(shortFields({ a: 1, b: 'short' })).toEqual({ a: 1, b: 'short' });
  });
});
