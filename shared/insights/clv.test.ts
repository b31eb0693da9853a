import { describe, expect, it } from 'vitest';
import { LEVERS, RETENTION_MARGIN, computeClv, leverGains, leverOfStage, withEffects, withLeverChange, type ClvInputs } from './clv';

/** The worked example: A=80, F=4, g=50 %, r1=60 %, r=75 %, C=120, ρ=0.5, d=10 %. */
const EXAMPLE: ClvInputs = {
  orderValue: 80,
  purchasesPerYear: 4,
  grossMargin: 0.5,
  firstYearRetention: 0.6,
  retention: 0.75,
  acquisitionCost: 120,
  referrals: 0.5,
  discountRate: 0.1,
};
const round2 = (n: number) => Math.round(n * 100) / 100;

describe('computeClv', () => {
  it('gives the worked example: m=160, V=434.29, N=314.29, T=531.43', () => {
    const r = computeClv(EXAMPLE)!;
    expect(r.yearlyMargin).toBe(160);
    expect(round2(r.lifetimeValue)).toBe(434.29);
    expect(round2(r.netValue)).toBe(314.29);
    expect(round2(r.total)).toBe(531.43);
  });

  it('equals m / (1 − r) when r1 = r and d = 0', () => {
    const x = { ...EXAMPLE, firstYearRetention: 0.75, retention: 0.75, discountRate: 0 };
    expect(computeClv(x)!.lifetimeValue).toBeCloseTo(160 / (1 - 0.75), 9);
  });

  it('is undefined with r at its bound 1 + d, or above it', () => {
    expect(computeClv({ ...EXAMPLE, retention: 1.1 })).toBeNull();
    expect(computeClv({ ...EXAMPLE, retention: 1, discountRate: 0 })).toBeNull();
    expect(computeClv({ ...EXAMPLE, retention: 1.2 })).toBeNull();
    expect(computeClv({ ...EXAMPLE, retention: 1, discountRate: 0.1 })).not.toBeNull();
  });

  it('handles zero inputs: no margin is no value, only the acquisition cost lost', () => {
    const zero = { ...EXAMPLE, orderValue: 0 };
    expect(computeClv(zero)).toEqual({ yearlyMargin: 0, lifetimeValue: 0, netValue: -120, total: -120 });
    const allZero: ClvInputs = { orderValue: 0, purchasesPerYear: 0, grossMargin: 0, firstYearRetention: 0, retention: 0, acquisitionCost: 0, referrals: 0, discountRate: 0 };
    expect(computeClv(allZero)).toEqual({ yearlyMargin: 0, lifetimeValue: 0, netValue: 0, total: 0 });
    // Nobody stays after the first year: the first year only.
    expect(computeClv({ ...EXAMPLE, firstYearRetention: 0 })!.lifetimeValue).toBe(160);
  });
});

describe('levers', () => {
  it('maps the six stages by id; added stages have none', () => {
    expect(['awareness', 'consideration', 'purchase', 'use', 'retention', 'advocacy'].map(leverOfStage)).toEqual([
      'acquisitionCost',
      'acquisitionCost',
      'orderValue',
      'firstYearRetention',
      'retention',
      'referrals',
    ]);
    expect(leverOfStage('k3J9x')).toBeNull();
    expect(leverOfStage('toString')).toBeNull();
  });

  it('gives each lever its gain of T, largest first', () => {
    const gains = leverGains(EXAMPLE);
    expect(gains.map((g) => g.lever).sort()).toEqual([...LEVERS].sort());
    for (let i = 1; i < gains.length; i++) expect(gains[i - 1].gain).toBeGreaterThanOrEqual(gains[i].gain);
    const by = Object.fromEntries(gains.map((g) => [g.lever, round2(g.gain)]));
    // C −10 %: T + 12. A +10 %: V·1.1 so T + 0.1·V·(1+ρ) = 65.14. ρ +10 %: 0.05·V = 21.71.
    expect(by.acquisitionCost).toBe(12);
    expect(by.orderValue).toBe(round2(0.1 * (160 * (1 + 0.6 / 0.35)) * 1.5));
    expect(by.referrals).toBe(round2(0.05 * 160 * (1 + 0.6 / 0.35)));
    // r1 +10 % relative: 60 % becomes 66 %, six points more.
    expect(by.firstYearRetention).toBe(round2(160 * (0.06 / 0.35) * 1.5));
    // r +10 % relative: 82.5 %.
    expect(by.retention).toBe(round2(160 * (0.6 / (1.1 - 0.825) - 0.6 / 0.35) * 1.5));
    expect(gains[0].lever).toBe('retention');
  });

  it('caps the raised retention below 1 + d and at 100 %, and never lowers it', () => {
    const near = { ...EXAMPLE, retention: 0.95, discountRate: 0 };
    expect(withLeverChange(near, 'retention', 10).retention).toBeCloseTo(1 - RETENTION_MARGIN, 12);
    expect(withLeverChange({ ...EXAMPLE, retention: 0.95, discountRate: 0.5 }, 'retention', 10).retention).toBe(1);
    const above = { ...EXAMPLE, retention: 0.995, discountRate: 0 };
    expect(withLeverChange(above, 'retention', 10).retention).toBe(0.995);
    // A lever at the bound gains nothing, and T stays finite.
    const gains = leverGains(above);
    expect(gains.find((g) => g.lever === 'retention')!.gain).toBe(0);
    expect(gains.every((g) => Number.isFinite(g.gain))).toBe(true);
  });

  it('keeps amounts at zero or more and first-year retention at 100 % or less', () => {
    expect(withLeverChange(EXAMPLE, 'acquisitionCost', -150).acquisitionCost).toBe(0);
    expect(withLeverChange({ ...EXAMPLE, firstYearRetention: 0.95 }, 'firstYearRetention', 10).firstYearRetention).toBe(1);
  });

  it('returns no gains when T is undefined; zero gains when everything is zero', () => {
    expect(leverGains({ ...EXAMPLE, retention: 1.1 })).toEqual([]);
    const zero: ClvInputs = { orderValue: 0, purchasesPerYear: 0, grossMargin: 0, firstYearRetention: 0, retention: 0, acquisitionCost: 0, referrals: 0, discountRate: 0 };
    expect(leverGains(zero).map((g) => g.gain)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('idea effects', () => {
  it('add up on one lever, then change its input once', () => {
    const x = withEffects(EXAMPLE, [
      { lever: 'firstYearRetention', pct: 5 },
      { lever: 'firstYearRetention', pct: 5 },
      { lever: 'acquisitionCost', pct: -20 },
    ]);
    expect(x.firstYearRetention).toBeCloseTo(0.66, 12);
    expect(x.acquisitionCost).toBe(96);
    expect(withEffects(EXAMPLE, [])).toEqual(EXAMPLE);
    expect(computeClv(x)!.total).toBeGreaterThan(computeClv(EXAMPLE)!.total);
  });
});
