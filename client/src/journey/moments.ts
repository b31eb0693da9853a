/**
 * The three key moments on the map: which card is a moment marker, and which moments the team has
 * placed so far. A moment counts only where people can see it, on a stage and lane of the board; one in
 * the "Not placed" strip (its stage was removed) is missing until someone puts it back.
 */
import { MOMENT_IDS, type MomentId } from '../../../shared/decks/deck-schema';
import type { AxisItem, CardData } from '../../../shared/doc/schema';

export { MOMENT_IDS, type MomentId };

export function isMomentId(v: unknown): v is MomentId {
  return typeof v === 'string' && (MOMENT_IDS as readonly string[]).includes(v);
}

/** A card shown as a moment marker: kind 'moment' with a known moment. Anything else stays a card. */
export function momentOf(card: Pick<CardData, 'kind' | 'moment'>): MomentId | null {
  return card.kind === 'moment' && isMomentId(card.moment) ? card.moment : null;
}

export interface MomentPresence {
  moment: MomentId;
  /** Stages holding this moment, in the board's stage order, each once. */
  stages: AxisItem[];
}

/** Each of the three moments, in method order, with the stages where it is on the map. */
export function momentsOnBoard(stages: readonly AxisItem[], lanes: readonly AxisItem[], cards: Iterable<CardData>): MomentPresence[] {
  const laneIds = new Set(lanes.map((l) => l.id));
  const where = new Map<MomentId, Set<string>>(MOMENT_IDS.map((m) => [m, new Set()]));
  for (const card of cards) {
    const m = momentOf(card);
    if (m && laneIds.has(card.lane)) where.get(m)!.add(card.stage);
  }
  return MOMENT_IDS.map((moment) => ({ moment, stages: stages.filter((s) => where.get(moment)!.has(s.id)) }));
}

/** How many of the three moments are on the map. */
export const mappedCount = (presence: readonly MomentPresence[]) => presence.filter((p) => p.stages.length > 0).length;
