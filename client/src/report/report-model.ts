/**
 * What the report says, from the board as plain data: the cards stage by stage, the emotion curve, the
 * key moments and where they are, the ideas ranked by votes, the questions with their answers. Pure,
 * so the rules (what counts as an idea, when dots may be shown) are unit-tested.
 */
import type { VoteSession } from '../../../shared/commands/votes';
import { emotionCurve, type CurvePoint } from '../../../shared/decks/emotion-curve';
import type { AxisItem, CardData } from '../../../shared/doc/schema';
import { compareByOrder } from '../../../shared/order';
import { MOMENT_IDS, momentOf, type MomentId } from '../journey/moments';

export interface ReportInput {
  stages: AxisItem[];
  lanes: AxisItem[];
  cards: Readonly<Record<string, CardData>>;
  vote: VoteSession | null;
  tallies: ReadonlyArray<{ cardId: string; dots: number }>;
}

export interface ReportStage {
  stage: AxisItem;
  lanes: Array<{ lane: AxisItem; cards: CardData[] }>;
  count: number;
}

export interface RankedIdea {
  card: CardData;
  /** Competition ranking (1, 2, 2, 4); null when dots are not shown. */
  rank: number | null;
  dots: number | null;
}

export interface ReportModel {
  stages: ReportStage[];
  /** Cards whose stage or lane no longer exists. */
  unplaced: CardData[];
  curve: CurvePoint[];
  moments: Array<{ moment: MomentId; places: Array<{ stage: AxisItem; card: CardData }> }>;
  ideas: {
    /** ranked: a revealed vote; hidden: a vote whose dots are not revealed yet; none: no vote. */
    state: 'ranked' | 'hidden' | 'none';
    items: RankedIdea[];
  };
  questions: Array<{ card: CardData; stage: AxisItem | undefined; lane: AxisItem | undefined }>;
  cardCount: number;
}

export const IDEAS_LANE = 'ideas';

/**
 * Printing: a card of more than 600 characters (about five lines across the page) may run on to the
 * next page rather than leave this one half empty; shorter cards are kept whole.
 */
export const LONG_CARD_CHARS = 600;

export function isLongCard(card: CardData): boolean {
  return card.text.length + (card.answer?.length ?? 0) > LONG_CARD_CHARS;
}

/**
 * A lane is printed whole (its name stays beside its first card) unless it is long: a long card, or more
 * than eight cards (about a third of a page), may break across pages, so no page is left mostly empty.
 */
export function laneMayBreak(cards: readonly CardData[]): boolean {
  return cards.length > 8 || cards.some(isLongCard);
}

export function buildReport(input: ReportInput): ReportModel {
  const { stages, lanes, vote } = input;
  const stageIdx = new Map(stages.map((s, i) => [s.id, i]));
  const laneIdx = new Map(lanes.map((l, i) => [l.id, i]));
  const all = Object.values(input.cards);
  const mapOrder = (a: CardData, b: CardData) =>
    (stageIdx.get(a.stage) ?? 1e9) - (stageIdx.get(b.stage) ?? 1e9) || (laneIdx.get(a.lane) ?? 1e9) - (laneIdx.get(b.lane) ?? 1e9) || compareByOrder(a, b);
  const placed = all.filter((c) => stageIdx.has(c.stage) && laneIdx.has(c.lane)).sort(mapOrder);
  const unplaced = all.filter((c) => !stageIdx.has(c.stage) || !laneIdx.has(c.lane)).sort(compareByOrder);

  const reportStages = stages.map((stage) => {
    const mine = placed.filter((c) => c.stage === stage.id);
    return { stage, count: mine.length, lanes: lanes.map((lane) => ({ lane, cards: mine.filter((c) => c.lane === lane.id) })) };
  });

  const moments = MOMENT_IDS.map((moment) => ({
    moment,
    places: placed.filter((c) => momentOf(c) === moment).map((card) => ({ stage: stages[stageIdx.get(card.stage)!], card })),
  }));

  // Ideas: the vote's lane, else the Ideas lane, without its questions and moments (a question has its
  // own section, as in shared/insights/ideas.ts); and any card that got dots wherever it is.
  const dots = new Map(input.tallies.map((t) => [t.cardId, t.dots]));
  const ideaLane = vote?.lane ?? (laneIdx.has(IDEAS_LANE) ? IDEAS_LANE : null);
  const shown = vote?.revealed === true;
  const isIdea = (c: CardData) => c.lane === ideaLane && c.kind !== 'question' && c.kind !== 'moment';
  const candidates = placed.filter((c) => isIdea(c) || (shown && (dots.get(c.id) ?? 0) > 0));
  let items: RankedIdea[];
  if (shown) {
    const sorted = candidates.map((card) => ({ card, dots: dots.get(card.id) ?? 0 })).sort((a, b) => b.dots - a.dots || mapOrder(a.card, b.card));
    // Competition ranking: equal dots share the rank of the first of them (1, 2, 2, 4).
    items = sorted.map((x) => ({ ...x, rank: sorted.findIndex((y) => y.dots === x.dots) + 1 }));
  } else items = candidates.map((card) => ({ card, rank: null, dots: null }));

  const questions = placed
    .filter((c) => c.kind === 'question')
    .concat(unplaced.filter((c) => c.kind === 'question'))
    .map((card) => ({ card, stage: stages[stageIdx.get(card.stage) ?? -1], lane: lanes[laneIdx.get(card.lane) ?? -1] }));

  return {
    stages: reportStages,
    unplaced,
    curve: emotionCurve(stages, all),
    moments,
    ideas: { state: shown ? 'ranked' : vote ? 'hidden' : 'none', items },
    questions,
    cardCount: all.length,
  };
}

/**
 * A card's text without a first line that only repeats a name already shown next to it: a moment card
 * from the deck reads "Moment of Truth\n\nThe passage from buying to using…", and the report names the
 * moment beside it. Other text is returned as it is.
 */
export function withoutRepeatedTitle(text: string, ...names: string[]): string {
  const trimmed = text.trim();
  const [first, ...rest] = trimmed.split('\n');
  const same = (n: string) => n.trim().toLocaleLowerCase() === first.trim().toLocaleLowerCase();
  return names.some(same) ? rest.join('\n').trim() : trimmed;
}

/** Whether a card's text only repeats a name already shown next to it (a moment card titled with its moment). */
export function onlyRepeats(text: string, ...names: string[]): boolean {
  return withoutRepeatedTitle(text, ...names) === '';
}

export interface ReportPeople {
  facilitators: string[];
  participants: string[];
}

/**
 * Who took part, for the cover: facilitators are the reader when they facilitate and the facilitators
 * connected now; participants are everyone else connected and every card's author. Names sorted, once.
 */
export function reportPeople(input: {
  cards: Readonly<Record<string, CardData>>;
  me: { name: string; facilitator: boolean };
  peers: ReadonlyArray<{ name: string; role: string | null }>;
}): ReportPeople {
  const clean = (n: string) => n.trim();
  const facilitators = new Set<string>();
  if (input.me.facilitator && clean(input.me.name)) facilitators.add(clean(input.me.name));
  for (const p of input.peers) if (p.role === 'facilitator' && clean(p.name)) facilitators.add(clean(p.name));
  const participants = new Set<string>();
  if (!input.me.facilitator && clean(input.me.name)) participants.add(clean(input.me.name));
  for (const p of input.peers) if (p.role !== 'facilitator' && clean(p.name)) participants.add(clean(p.name));
  for (const c of Object.values(input.cards)) if (clean(c.author)) participants.add(clean(c.author));
  for (const f of facilitators) participants.delete(f);
  const sorted = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b));
  return { facilitators: sorted(facilitators), participants: sorted(participants) };
}
