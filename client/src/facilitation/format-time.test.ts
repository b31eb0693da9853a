import { describe, expect, it } from 'vitest';
import { formatRemaining } from './format-time';

describe('formatRemaining', () => {
  it('rounds up to whole seconds, so a fresh five-minute timer reads 5:00 and zero only at the end', () => {
    expect(formatRemaining(300_000)).toBe('5:00');
    expect(formatRemaining(299_001)).toBe('5:00');
    expect(formatRemaining(299_000)).toBe('4:59');
    expect(formatRemaining(1)).toBe('0:01');
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(-5)).toBe('0:00');
  });
  it('shows hours when needed', () => {
    expect(formatRemaining(3_600_000 + 65_000)).toBe('1:01:05');
  });
});
