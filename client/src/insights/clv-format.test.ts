import { describe, expect, it } from 'vitest';
import { formatMoney, formatSignedMoney, formatSignedPct } from './clv-format';

describe('CLV formatting', () => {
  it('writes amounts in the board currency, the reader’s way', () => {
    expect(formatMoney(531.428, 'EUR', 'en')).toBe('€531.43');
    expect(formatMoney(531.428, 'EUR', 'it').replace(/\s/g, ' ')).toBe('531,43 €');
    expect(formatSignedMoney(-12, 'USD', 'en')).toBe('−US$12.00');
    expect(formatSignedMoney(41.14, 'GBP', 'en')).toBe('+£41.14');
  });
  it('writes signed percentages', () => {
    expect(formatSignedPct(10, 'en')).toBe('+10 %');
    expect(formatSignedPct(-2.5, 'it')).toBe('−2,5 %');
    expect(formatSignedPct(0, 'it')).toBe('0 %');
  });
});
