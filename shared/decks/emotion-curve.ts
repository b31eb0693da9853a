/**
 * The emotion curve: per stage, the median valence of its emotion cards. A stage without emotion cards
 * is a gap (nulls), never a zero: "nobody felt anything" and "nobody said" are different things.
 */
import type { CardData } from '../doc/schema';
import { VALENCE_MAX, VALENCE_MIN } from './deck-schema';

export interface CurvePoint {
  stageId: string;
  title: string;
  /** Emotion cards with a usable valence in this stage. */
  count: number;
  median: number | null;
  min: number | null;
  max: number | null;
}

type CurveCard = Pick<CardData, 'kind' | 'stage'> & { valence?: unknown };

/**
 * One point per stage, in the stages' order. Counts cards of kind 'emotion' whose valence is a finite
 * number (clamped to −2..+2); other cards, unknown valences and cards in stages not listed are ignored.
 */
export function emotionCurve(
  stages: ReadonlyArray<{ id: string; title: string }>,
  cards: ReadonlyArray<CurveCard>,
): CurvePoint[] {
  const byStage = new Map<string, number[]>(stages.map((s) => [s.id, []]));
  for (const card of cards) {
    if (card.kind !== 'emotion') continue;
    const v = card.valence;
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    byStage.get(card.stage)?.push(Math.min(VALENCE_MAX, Math.max(VALENCE_MIN, v)));
  }
  return stages.map((s) => {
    const values = (byStage.get(s.id) ?? []).slice().sort((a, b) => a - b);
    const n = values.length;
    return {
      stageId: s.id,
      title: s.title,
      count: n,
      median: n === 0 ? null : median(values),
      min: n === 0 ? null : values[0],
      max: n === 0 ? null : values[n - 1],
    };
  });
}

/** Median of sorted values; for an even count, the mean of the two middle ones. */
function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface CurveTextLabels {
  /** Said for a gap, e.g. 'no data' or 'nessun dato'. */
  noData: string;
  /** '.' by default; ',' for Italian. */
  decimalSeparator?: string;
}

/**
 * A text alternative for the curve, for screen readers and exports:
 * "Awareness: +1; Consideration: no data; Purchase: -0.5". Words come translated from the caller.
 */
export function curveTextAlternative(points: ReadonlyArray<CurvePoint>, labels: CurveTextLabels): string {
  return points
    .map((p) => `${p.title}: ${p.median === null ? labels.noData : formatValence(p.median, labels.decimalSeparator)}`)
    .join('; ');
}

/** '+1', '0', '-1.5': a sign for non-zero values, at most two decimals. */
export function formatValence(v: number, decimalSeparator = '.'): string {
  const rounded = Math.round(v * 100) / 100;
  const text = String(Math.abs(rounded)).replace('.', decimalSeparator);
  if (rounded === 0) return '0';
  return (rounded > 0 ? '+' : '-') + text;
}
