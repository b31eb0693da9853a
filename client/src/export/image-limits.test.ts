import { describe, expect, it } from 'vitest';
import { MAX_CANVAS_SIDE, fallbackRatio, planPixelRatio } from './image-limits';

describe('planPixelRatio', () => {
  it('keeps the requested ratio when the image fits', () => {
    expect(planPixelRatio(2464, 3100, 2)).toEqual({ requested: 2, ratio: 2, scaled: false, width: 4928, height: 6200 });
    expect(planPixelRatio(2464, 3100, 3)).toMatchObject({ ratio: 3, scaled: false, width: 7392, height: 9300 });
  });

  it('lowers the ratio so no side exceeds 16,384 px', () => {
    const plan = planPixelRatio(6000, 2000, 3);
    expect(plan.scaled).toBe(true);
    expect(plan.ratio).toBe(2.73);
    expect(plan.width).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    // Exactly at the limit is allowed.
    expect(planPixelRatio(8192, 100, 2)).toMatchObject({ ratio: 2, scaled: false, width: 16384 });
  });

  it('lowers the ratio so the area stays within the limit', () => {
    const plan = planPixelRatio(10_000, 10_000, 2, { side: 100_000, area: 100_000_000 });
    expect(plan).toMatchObject({ ratio: 1, scaled: true, width: 10_000, height: 10_000 });
    const odd = planPixelRatio(7777, 9999, 3, { side: 16384, area: 16384 * 16384 });
    expect(odd.width * odd.height).toBeLessThanOrEqual(16384 * 16384);
    expect(odd.height).toBeLessThanOrEqual(16384);
  });

  it('goes below 1× for maps larger than the limit at 100%, never to zero', () => {
    const plan = planPixelRatio(20_000, 3000, 2);
    expect(plan.ratio).toBe(0.81);
    expect(plan.width).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    expect(planPixelRatio(10_000_000, 10, 1).ratio).toBe(0.01);
  });
});

describe('fallbackRatio', () => {
  it('halves down to a quarter, then gives up', () => {
    expect(fallbackRatio(3)).toBe(1.5);
    expect(fallbackRatio(0.5)).toBe(0.25);
    expect(fallbackRatio(0.4)).toBeNull();
  });
});
