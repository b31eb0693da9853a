/**
 * CLV for one board: the stored inputs, the board's stages and its idea cards turned into what the
 * Insights panel shows. Pure, on plain data (read.ts projections), so the rules — which stage has
 * which lever, which ideas count — are unit-tested without a document.
 */
import type { VoteSession } from '../commands/votes';
import type { AxisItem, CardData } from '../doc/schema';
import { LEVERS, computeClv, leverGains, leverOfStage, withEffects, type ClvResult, type IdeaEffect, type Lever } from './clv';
import { checkClvStored, clvInputsOf, type ClvProblem, type ClvStored } from './clv-schema';
import { isIdea } from './ideas';
import { laneOf } from './method-roles';

export interface ClvBoardInput {
  stages: readonly AxisItem[];
  lanes: readonly AxisItem[];
  cards: readonly CardData[];
  /** `facilitation.clv` as read from the document, unchecked. */
  clv: unknown;
  vote: VoteSession | null;
  tallies: ReadonlyArray<{ cardId: string; dots: number }>;
}

export interface ClvLeverRow {
  lever: Lever;
  stepPct: number;
  gain: number;
  /** The board's stages that have this lever, in board order, with their current titles. */
  stages: AxisItem[];
}

export interface ClvIdea {
  card: CardData;
  lever: Lever;
  pct: number;
}

export type ClvBoardView =
  | { state: 'unset' }
  | { state: 'invalid'; problems: ClvProblem[] }
  | {
      state: 'ready';
      stored: ClvStored;
      today: ClvResult;
      /** Levers of the stages on the board, largest gain first. */
      levers: ClvLeverRow[];
      /** 'voted': after a revealed vote, only the ideas that got dots count; 'all' before. */
      basis: 'all' | 'voted';
      /** Ideas with an effect that count, on stages that have a lever. */
      ideas: ClvIdea[];
      withIdeas: ClvResult;
    };

/**
 * An idea's effect on its stage's lever: an idea (ideas.ts: a card of the Ideas lane that says
 * something), on a stage with a lever, with an effect; null otherwise.
 */
export function ideaEffectOf(card: CardData, ideasLane: AxisItem | null): IdeaEffect | null {
  if (card.effect === undefined || !isIdea(card, ideasLane)) return null;
  const lever = leverOfStage(card.stage);
  return lever ? { lever, pct: card.effect } : null;
}

export function clvForBoard(input: ClvBoardInput): ClvBoardView {
  if (input.clv === undefined || input.clv === null) return { state: 'unset' };
  const checked = checkClvStored(input.clv);
  if (!checked.ok) return { state: 'invalid', problems: checked.problems };
  const x = clvInputsOf(checked.value);
  const today = computeClv(x);
  if (!today) return { state: 'invalid', problems: [] }; // unreachable: the schema refuses r ≥ 1 + d

  const onBoard = new Set(input.stages.map((s) => s.id));
  const stagesOf = (lever: Lever) => input.stages.filter((s) => leverOfStage(s.id) === lever);
  const present = LEVERS.filter((l) => stagesOf(l).length > 0);
  const levers = leverGains(x, present).map((g) => ({ ...g, stages: stagesOf(g.lever) }));

  const voted = input.vote?.revealed === true;
  const dots = new Map(input.tallies.map((t) => [t.cardId, t.dots]));
  const ideas: ClvIdea[] = [];
  const ideasLane = laneOf(input.lanes, 'ideas');
  for (const card of input.cards) {
    if (!onBoard.has(card.stage)) continue;
    const e = ideaEffectOf(card, ideasLane);
    if (!e || (voted && !((dots.get(card.id) ?? 0) > 0))) continue;
    ideas.push({ card, ...e });
  }
  const withIdeas = computeClv(withEffects(x, ideas)) ?? today;
  return { state: 'ready', stored: checked.value, today, levers, basis: voted ? 'voted' : 'all', ideas, withIdeas };
}
