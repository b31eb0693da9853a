/**
 * Customer Lifetime Value by stage (issue 14, docs/insights.md). Pure arithmetic on plain numbers: the
 * inputs a facilitator enters, the value of a customer, which stage's lever moves it most, and what the
 * team's ideas would change. Rates are fractions here (0.6 for 60 %); the document stores them in
 * percent as typed (clv-schema.ts converts).
 */

export interface ClvInputs {
  /** Average order value `A`, in the board's currency. */
  orderValue: number;
  /** Purchases per year `F`. */
  purchasesPerYear: number;
  /** Gross margin `g`, a fraction. */
  grossMargin: number;
  /** First-year retention `r1`: the share who stay after the first use (the Moment of Truth), a fraction. */
  firstYearRetention: number;
  /** Later yearly retention `r`, a fraction; must be below `1 + d`. */
  retention: number;
  /** Acquisition cost `C`, in the board's currency. */
  acquisitionCost: number;
  /** Referrals per customer over their life `ρ`. */
  referrals: number;
  /** Yearly discount rate `d`, a fraction. */
  discountRate: number;
}

export interface ClvResult {
  /** Yearly margin `m = A·F·g`. */
  yearlyMargin: number;
  /** Lifetime value `V = m · (1 + r1 / (1 + d − r))`. */
  lifetimeValue: number;
  /** Net value `N = V − C`. */
  netValue: number;
  /** With referrals `T = N + ρ·V`. */
  total: number;
}

/**
 * `r` may not reach `1 + d`: the sum of the later years would not converge (an infinite value).
 * Retention raised by a lever or an idea stops this far below the bound, and never goes above 100 %.
 */
export const RETENTION_MARGIN = 0.01;

/** Null when the inputs leave the formula undefined (`r ≥ 1 + d`); see clv-schema.ts for the reasons. */
export function computeClv(x: ClvInputs): ClvResult | null {
  const denominator = 1 + x.discountRate - x.retention;
  if (!(denominator > 0)) return null;
  const yearlyMargin = x.orderValue * x.purchasesPerYear * x.grossMargin;
  const lifetimeValue = yearlyMargin * (1 + x.firstYearRetention / denominator);
  const netValue = lifetimeValue - x.acquisitionCost;
  return { yearlyMargin, lifetimeValue, netValue, total: netValue + x.referrals * lifetimeValue };
}

/** The five levers; each stage of the method has one (Awareness and Consideration share one). */
export const LEVERS = ['acquisitionCost', 'orderValue', 'firstYearRetention', 'retention', 'referrals'] as const;
export type Lever = (typeof LEVERS)[number];

/**
 * Stage → lever, by stage id. The six default stages have fixed ids (shared/doc/schema.ts
 * DEFAULT_STAGES) that renaming does not change, so a renamed stage keeps its lever; stages a
 * facilitator adds get random ids and have none.
 */
export const STAGE_LEVERS: Readonly<Record<string, Lever>> = {
  awareness: 'acquisitionCost',
  consideration: 'acquisitionCost',
  purchase: 'orderValue',
  use: 'firstYearRetention',
  retention: 'retention',
  advocacy: 'referrals',
};

export function leverOfStage(stageId: string): Lever | null {
  return Object.hasOwn(STAGE_LEVERS, stageId) ? STAGE_LEVERS[stageId] : null;
}

/** The change each lever tries, in percent of its input: acquisition cost −10 %, every other +10 %. */
export const LEVER_STEP_PCT: Readonly<Record<Lever, number>> = {
  acquisitionCost: -10,
  orderValue: 10,
  firstYearRetention: 10,
  retention: 10,
  referrals: 10,
};

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The inputs with one lever's input changed by `pct` percent of itself (relative: +10 % of a 60 %
 * retention is 66 %). Amounts never go below zero; retentions never above 100 %, and the later retention
 * is capped `RETENTION_MARGIN` below `1 + d` (a raise never lowers it, whatever the cap).
 */
export function withLeverChange(x: ClvInputs, lever: Lever, pct: number): ClvInputs {
  const scaled = (v: number) => Math.max(0, v * (1 + pct / 100));
  switch (lever) {
    case 'acquisitionCost':
      return { ...x, acquisitionCost: scaled(x.acquisitionCost) };
    case 'orderValue':
      return { ...x, orderValue: scaled(x.orderValue) };
    case 'referrals':
      return { ...x, referrals: scaled(x.referrals) };
    case 'firstYearRetention':
      return { ...x, firstYearRetention: clamp(scaled(x.firstYearRetention), 0, 1) };
    case 'retention': {
      const raised = scaled(x.retention);
      if (raised <= x.retention) return { ...x, retention: raised };
      const cap = Math.min(1, 1 + x.discountRate - RETENTION_MARGIN);
      return { ...x, retention: Math.max(x.retention, Math.min(raised, cap)) };
    }
  }
}

export interface LeverGain {
  lever: Lever;
  /** The change tried, in percent of the input (LEVER_STEP_PCT). */
  stepPct: number;
  /** How much `T` grows with it, in the board's currency. */
  gain: number;
}

/** Each lever's growth of `T`, largest first (ties in LEVERS order); empty when `T` is undefined. */
export function leverGains(x: ClvInputs, levers: readonly Lever[] = LEVERS): LeverGain[] {
  const base = computeClv(x);
  if (!base) return [];
  const out: LeverGain[] = [];
  for (const lever of LEVERS) {
    if (!levers.includes(lever)) continue;
    const after = computeClv(withLeverChange(x, lever, LEVER_STEP_PCT[lever]));
    if (after) out.push({ lever, stepPct: LEVER_STEP_PCT[lever], gain: after.total - base.total });
  }
  return out.sort((a, b) => b.gain - a.gain || LEVERS.indexOf(a.lever) - LEVERS.indexOf(b.lever));
}

/** An idea's expected effect on its stage's lever, in percent of the lever's input. */
export interface IdeaEffect {
  lever: Lever;
  pct: number;
}

/**
 * The inputs with the ideas' effects applied: effects on the same lever add up (+5 % and +10 % make
 * +15 %), then the lever's input changes once, with the same floors and caps as the levers.
 */
export function withEffects(x: ClvInputs, effects: readonly IdeaEffect[]): ClvInputs {
  const sum = new Map<Lever, number>();
  for (const e of effects) if (Number.isFinite(e.pct)) sum.set(e.lever, (sum.get(e.lever) ?? 0) + e.pct);
  let out = x;
  for (const lever of LEVERS) {
    const pct = sum.get(lever);
    if (pct) out = withLeverChange(out, lever, pct);
  }
  return out;
}
