import type { ClvStored } from '../insights/clv-schema';

/** Issue 14's worked example as a board stores it: A=80, F=4, g=50 %, r1=60 %, r=75 %, C=120, ρ=0.5, d=10 %. */
export const CLV_EXAMPLE: ClvStored = {
  currency: 'EUR',
  orderValue: 80,
  purchasesPerYear: 4,
  grossMarginPct: 50,
  firstYearRetentionPct: 60,
  retentionPct: 75,
  acquisitionCost: 120,
  referrals: 0.5,
  discountRatePct: 10,
};
