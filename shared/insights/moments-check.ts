/**
 * Moments check: is each of the three key moments on the map, and where the method puts it?
 *
 * A moment marker sits in a stage's column; the deck places each in the stage its passage opens. The
 * method puts the Trigger moment between Consideration and Purchase, the Moment of Truth between
 * Purchase and Use, and the Medal moment on the way from Use or Retention to Advocacy. A marker is in
 * place in either stage of its passage, or in a stage a facilitator added between them; before the
 * first it is too early, after the second too late.
 */
import { MOMENT_IDS, type MomentId } from '../decks/deck-schema';
import type { AxisItem, CardData } from '../doc/schema';
import { placedCards, type InsightBoard } from './board';
import { stageIndex, type StageRole } from './method-roles';

/** The passage of each moment: from the last of `from` that the board has, to `to`. */
export const MOMENT_PASSAGES: Record<MomentId, { from: StageRole[]; to: StageRole }> = {
  trigger: { from: ['consideration'], to: 'purchase' },
  truth: { from: ['purchase'], to: 'use' },
  medal: { from: ['use', 'retention'], to: 'advocacy' },
};

/**
 * ok: in place; early / late: before or after its passage; unknown: the board lacks the stage the
 * method places it by (renamed stages keep their ids, so this is a board whose stages were replaced).
 */
export type Placement = 'ok' | 'early' | 'late' | 'unknown';

export interface MomentCheck {
  moment: MomentId;
  /** Each marker of this moment on the map, in stage order. */
  places: Array<{ cardId: string; stage: AxisItem; placement: Placement }>;
  /** missing: no marker on the map; ok: every marker in place; misplaced: at least one is not; unknown: see Placement. */
  status: 'missing' | 'ok' | 'misplaced' | 'unknown';
  /** The stages of the passage on this board (for "between Purchase and Use"), when it has them. */
  passage: { from: AxisItem; to: AxisItem } | null;
}

export function momentsCheck(board: InsightBoard): MomentCheck[] {
  const stages = board.stages;
  const stageAt = new Map(stages.map((s, i) => [s.id, i]));
  const cards = placedCards(board);
  return MOMENT_IDS.map((moment) => {
    const rule = MOMENT_PASSAGES[moment];
    const hi = stageIndex(stages, rule.to);
    const froms = rule.from.map((r) => stageIndex(stages, r)).filter((i) => i >= 0 && i < hi);
    const lo = hi < 0 ? -1 : froms.length ? Math.max(...froms) : hi - 1;
    const known = hi >= 0 && lo >= 0;
    const markers: CardData[] = cards
      .filter((c) => c.kind === 'moment' && c.moment === moment)
      .sort((a, b) => stageAt.get(a.stage)! - stageAt.get(b.stage)! || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    const places = markers.map((c) => {
      const i = stageAt.get(c.stage)!;
      const placement: Placement = !known ? 'unknown' : i < lo ? 'early' : i > hi ? 'late' : 'ok';
      return { cardId: c.id, stage: stages[i], placement };
    });
    const status: MomentCheck['status'] = !places.length
      ? 'missing'
      : !known
        ? 'unknown'
        : places.every((p) => p.placement === 'ok')
          ? 'ok'
          : 'misplaced';
    return { moment, places, status, passage: known ? { from: stages[lo], to: stages[hi] } : null };
  });
}
