import { describe, expect, it } from 'vitest';
import { estimateOffset } from './server-clock';

describe('server clock offset', () => {
  it('takes half the round trip of the fastest sample', () => {
    // The server is 10 s ahead. The slow sample would put the estimate 400 ms off.
    const samples = [
      { sentAt: 1_000, receivedAt: 1_900, serverNow: 11_050 },
      { sentAt: 2_000, receivedAt: 2_040, serverNow: 12_020 },
      { sentAt: 3_000, receivedAt: 3_300, serverNow: 13_150 },
    ];
    expect(estimateOffset(samples)).toBe(10_000);
  });

  it('works when this machine is ahead of the server', () => {
    expect(estimateOffset([{ sentAt: 50_000, receivedAt: 50_010, serverNow: 20_005 }])).toBe(-30_000);
  });

  it('ignores broken samples and has no estimate without any', () => {
    expect(estimateOffset([])).toBeNull();
    expect(estimateOffset([{ sentAt: 10, receivedAt: 5, serverNow: 1 }, { sentAt: 0, receivedAt: 1, serverNow: NaN }])).toBeNull();
  });
});
