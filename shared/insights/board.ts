/**
 * What every insight reads: the board as plain data (stages and lanes in order, the cards), and the
 * small helpers they share. Pure: no Yjs, no DOM.
 */
import { VALENCE_MAX, VALENCE_MIN } from '../decks/deck-schema';
import type { AxisItem, CardData } from '../doc/schema';

export interface InsightBoard {
  stages: readonly AxisItem[];
  lanes: readonly AxisItem[];
  cards: Iterable<CardData>;
}

/**
 * The cards people can see on the map: on a stage and a lane that exist. A card in the "Not placed"
 * strip (its stage or lane was removed) counts for no insight until it is placed again.
 */
export function placedCards(board: InsightBoard): CardData[] {
  const stages = new Set(board.stages.map((s) => s.id));
  const lanes = new Set(board.lanes.map((l) => l.id));
  const out: CardData[] = [];
  for (const c of board.cards) if (stages.has(c.stage) && lanes.has(c.lane)) out.push(c);
  return out;
}

/** An emotion card's valence, clamped to −2..+2; null for any other card or an unusable value. */
export function valenceOf(card: Pick<CardData, 'kind' | 'valence'>): number | null {
  if (card.kind !== 'emotion' || typeof card.valence !== 'number' || !Number.isFinite(card.valence)) return null;
  return Math.min(VALENCE_MAX, Math.max(VALENCE_MIN, card.valence));
}

/** Median of any values (null for none); for an even count, the mean of the two middle ones. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = values.slice().sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Text as a comparison key: accents dropped, lower case, every run of other characters one space.
 * "E-mail e newsletter" and "e‑mail  E NEWSLETTER" give the same key; "Perché" and "perche" too.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A card's first non-empty line, trimmed: its name when it names something (a channel, an idea). */
export function firstLine(text: string): string {
  for (const line of text.split('\n')) if (line.trim()) return line.trim();
  return '';
}
