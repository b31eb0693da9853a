/**
 * The Moment-of-Truth gap: how customers feel after the Moment of Truth (the experience) against how
 * they felt before it (the promise). The method's Moment of Truth is the passage from Purchase to Use,
 * where promises meet reality; a team that feels worse there has a promise the product does not keep.
 *
 *   promise    = median valence of the emotion cards in the two stages before the passage
 *   experience = median valence of the emotion cards in the stage after it
 *   gap        = experience − promise, flagged at −1 or worse
 *
 * Where the passage is: after the Moment of Truth marker's stage when the marker sits in the method's
 * Purchase stage (the end of buying), else before the marker's stage (the stage it opens, as the deck
 * suggests: Use). Without a marker, the method's place: before Use (or, without a Use stage, after Purchase).
 */
import type { AxisItem, CardData } from '../doc/schema';
import { median, placedCards, valenceOf, type InsightBoard } from './board';
import { isIdea } from './ideas';
import { laneOf, stageIndex } from './method-roles';

/** The exercise: "at least five small, quick ways to improve the Moment of Truth". */
export const IDEAS_TARGET = 5;
/** A gap at or below this is flagged. */
export const GAP_FLAG = -1;
/** How many cards "pull the gap down" are named. */
export const PULLING_DOWN_MAX = 3;

export interface SideOfTruth {
  stages: AxisItem[];
  /** Emotion cards of those stages, in stage order then card order. */
  cardIds: string[];
  median: number | null;
}

export interface PullingCard {
  cardId: string;
  stageId: string;
  valence: number;
  /** Which side it is on: a low experience, or a high promise the experience does not reach. */
  side: 'promise' | 'experience';
  /** How far it pulls the gap down: its distance past the other side's median (negative). */
  pull: number;
}

export interface TruthGap {
  /**
   * ok: both sides have emotions; no-passage: the board has no place for the Moment of Truth (no marker,
   * and no Purchase followed by Use); no-promise / no-experience: a side has no emotion card yet.
   */
  status: 'ok' | 'no-passage' | 'no-promise' | 'no-experience';
  /** The Moment of Truth marker used (the first one on the map), or null when placed by default. */
  markerId: string | null;
  /** Index of the first stage after the passage (null without one). */
  passage: number | null;
  promise: SideOfTruth;
  experience: SideOfTruth;
  gap: number | null;
  flagged: boolean;
  pullingDown: PullingCard[];
  /** Ideas in the marker's stage (the stage after the passage without a marker): "3 of 5". */
  ideas: { stageId: string | null; cardIds: string[]; count: number; target: number };
}

const order = (a: CardData, b: CardData) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function truthGap(board: InsightBoard): TruthGap {
  const stages = board.stages;
  const cards = placedCards(board).sort(order);
  const stageAt = new Map(stages.map((s, i) => [s.id, i]));
  const markers = cards.filter((c) => c.kind === 'moment' && c.moment === 'truth').sort((a, b) => stageAt.get(a.stage)! - stageAt.get(b.stage)! || order(a, b));
  const marker = markers[0] ?? null;
  const purchase = stageIndex(stages, 'purchase');
  const use = stageIndex(stages, 'use');

  let passage: number | null = null;
  if (marker) {
    const at = stageAt.get(marker.stage)!;
    passage = at === purchase && at + 1 < stages.length ? at + 1 : at;
  } else if (use >= 0) passage = use;
  else if (purchase >= 0 && purchase + 1 < stages.length) passage = purchase + 1;
  if (passage === 0) passage = null; // nothing before it: no promise side at all

  const side = (idx: number[]): SideOfTruth => {
    const ids = new Set(idx.map((i) => stages[i].id));
    const emotions = cards.filter((c) => ids.has(c.stage) && valenceOf(c) !== null).sort((a, b) => stageAt.get(a.stage)! - stageAt.get(b.stage)!);
    return { stages: idx.map((i) => stages[i]), cardIds: emotions.map((c) => c.id), median: median(emotions.map((c) => valenceOf(c)!)) };
  };
  const promise = side(passage === null ? [] : [passage - 2, passage - 1].filter((i) => i >= 0));
  const experience = side(passage === null ? [] : [passage]);
  const gap = promise.median !== null && experience.median !== null ? experience.median - promise.median : null;

  const byId = new Map(cards.map((c) => [c.id, c]));
  const pullingDown: PullingCard[] = [];
  if (gap !== null) {
    for (const id of experience.cardIds) {
      const c = byId.get(id)!;
      const v = valenceOf(c)!;
      if (v < promise.median!) pullingDown.push({ cardId: id, stageId: c.stage, valence: v, side: 'experience', pull: v - promise.median! });
    }
    for (const id of promise.cardIds) {
      const c = byId.get(id)!;
      const v = valenceOf(c)!;
      if (v > experience.median!) pullingDown.push({ cardId: id, stageId: c.stage, valence: v, side: 'promise', pull: experience.median! - v });
    }
    // Most pull first; on a tie the experience first (it is what the customer lives), then map order.
    pullingDown.sort((a, b) => a.pull - b.pull || (a.side === b.side ? 0 : a.side === 'experience' ? -1 : 1));
  }

  const ideaStage = marker ? marker.stage : passage === null ? null : stages[passage].id;
  const ideasLane = laneOf(board.lanes, 'ideas');
  const ideaIds = ideaStage === null ? [] : cards.filter((c) => c.stage === ideaStage && isIdea(c, ideasLane)).map((c) => c.id);

  return {
    status: passage === null ? 'no-passage' : promise.median === null ? 'no-promise' : experience.median === null ? 'no-experience' : 'ok',
    markerId: marker?.id ?? null,
    passage,
    promise,
    experience,
    gap,
    flagged: gap !== null && gap <= GAP_FLAG,
    pullingDown: pullingDown.slice(0, PULLING_DOWN_MAX),
    ideas: { stageId: ideaStage, cardIds: ideaIds, count: ideaIds.length, target: IDEAS_TARGET },
  };
}
