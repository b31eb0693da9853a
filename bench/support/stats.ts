/** Small statistics helpers. Percentiles use linear interpolation between closest ranks. */

export function sorted(xs: ArrayLike<number>): number[] {
  return Array.from(xs).sort((a, b) => a - b);
}

/** p in [0, 100]; NaN for an empty sample. `xs` must be sorted ascending when `isSorted`. */
export function percentile(xs: ArrayLike<number>, p: number, isSorted = false): number {
  if (xs.length === 0) return NaN;
  const s = isSorted ? (xs as number[]) : sorted(xs);
  if (s.length === 1) return s[0];
  const rank = (p / 100) * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return s[lo] + (s[hi] - s[lo]) * (rank - lo);
}

export function median(xs: ArrayLike<number>): number {
  return percentile(xs, 50);
}

export function mean(xs: ArrayLike<number>): number {
  if (xs.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(xs: ArrayLike<number>): Summary {
  const s = sorted(xs);
  return {
    n: s.length,
    p50: percentile(s, 50, true),
    p95: percentile(s, 95, true),
    p99: percentile(s, 99, true),
    max: s.length ? s[s.length - 1] : NaN,
  };
}

/** Median of a field over repeated runs, ignoring runs where it is not a finite number. */
export function medianOf<T>(runs: T[], pick: (r: T) => number): number {
  return median(runs.map(pick).filter((v) => Number.isFinite(v)));
}

/** Formats a number for the table: fixed decimals, thousands separators, '–' for NaN. */
export function fmt(v: number, decimals = 1): string {
  if (!Number.isFinite(v)) return '–';
  return v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function ratio(ours: number, reference: number): number {
  if (!Number.isFinite(ours) || !Number.isFinite(reference) || reference === 0) return NaN;
  return ours / reference;
}

/** Seeded randomness, so every run makes the same choices: the tests' generator. */
export { seededRandom } from '../../shared/test-support/seeded-random';
