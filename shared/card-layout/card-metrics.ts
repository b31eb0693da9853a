/**
 * The size of one card and what its text blocks show, from its content alone. Every place that draws a
 * card (the map, the projector, PNG and SVG exports, the report) uses these numbers, and the CSS uses the
 * same font sizes and line heights (board/card.css, journey/kind-face.css, journey/moment-marker.css),
 * so a card is always tall enough for its words: it grows with its text, never clips a glyph, and shows
 * a generous excerpt ending in "…" only for very long texts (the full text is then in its tooltip and
 * shown when the card is selected).
 */
import type { CardData } from '../doc/schema';
import { MOMENT_IDS, type MomentId } from '../decks/deck-schema';
import { KIND_STYLE } from '../decks/kind-style';
import { excerpt, wrapText, type Excerpt, type TextStyle } from '../text/measure';
import { CARD_LABELS, LABEL_LOCALES } from './labels';

/** Board units (1 unit = 1 CSS px at 100 % zoom). */
export const CARD = {
  w: 168,
  minH: 96,
  padX: 12,
  padY: 10,
  /** Space between the blocks of a deck card (head, text, answer). */
  gap: 4,
  /** Lines of a note's or deck card's text shown before the excerpt ends in "…". */
  maxTextLines: 16,
  maxQuestionLines: 8,
  maxAnswerLines: 8,
  maxMomentTitleLines: 4,
  /** Lines shown by a selected card with a long text, which then scrolls. */
  maxExpandedLines: 40,
} as const;

/** The type of each text block. The CSS sets the same sizes and line heights, in px. */
export const CARD_TEXT = {
  body: { size: 14, weight: 400, lineHeight: 19 },
  question: { size: 14, weight: 600, lineHeight: 19 },
  kind: { size: 10.5, weight: 700, lineHeight: 14, letterSpacing: 0.42, upper: true },
  answer: { size: 12, weight: 400, lineHeight: 16 },
  momentKicker: { size: 10, weight: 700, lineHeight: 13, letterSpacing: 0.3, upper: true },
  momentTitle: { size: 15, weight: 700, lineHeight: 19 },
} as const satisfies Record<string, TextStyle>;

const INNER_W = CARD.w - 2 * CARD.padX;
/** Kind face head: icon 14 + gap 5 before the label; an emotion's valence badge (≤ 60 px) + gap 5 after. */
const HEAD_ICON = 14 + 5;
const VALENCE_BADGE = 60 + 5;
const VALENCE_BADGE_H = 18;
/** Answer box: 3 px left border and 6 px padding each side; 2 px padding top and bottom. */
const ANSWER_INSET_X = 3 + 12;
const ANSWER_INSET_Y = 4;
/** Moment pennant: 4 px inset top and bottom, padding 8 24 8 13 (the notch is 18 px deep). */
const MOMENT = { insetY: 4, padTop: 8, padBottom: 8, padLeft: 13, padRight: 24, icon: 22, iconGap: 6, gap: 2 } as const;
const MOMENT_INNER_W = CARD.w - MOMENT.padLeft - MOMENT.padRight;

export type CardShape = 'note' | 'kind' | 'moment';

export interface CardMetrics {
  shape: CardShape;
  w: number;
  h: number;
  /** The main text as shown: all of it, or an excerpt ending in "…". */
  text: Excerpt;
  /** Question cards: the answer as shown (null when there is none yet). */
  answer: Excerpt | null;
  /** True when some text is cut: the card then has a tooltip with the full text. */
  truncated: boolean;
  /** Height when selected: every line up to `maxExpandedLines`, never less than `h`. */
  expandedH: number;
}

export function isMomentCard(card: Pick<CardData, 'kind' | 'moment'>): card is Pick<CardData, 'kind'> & { moment: MomentId } {
  return card.kind === 'moment' && (MOMENT_IDS as readonly string[]).includes(card.moment ?? '');
}

/** Cards drawn with a kind face (icon, label, …): any non-note card of a known kind. */
export function hasKindShape(card: Pick<CardData, 'kind'>): boolean {
  return card.kind !== 'note' && Object.hasOwn(KIND_STYLE, card.kind);
}

export function cardShape(card: Pick<CardData, 'kind' | 'moment'>): CardShape {
  if (isMomentCard(card)) return 'moment';
  return hasKindShape(card) ? 'kind' : 'note';
}

/** The title a moment pennant shows: the first line of its text, or its name when that line is blank. */
export function momentTitle(card: Pick<CardData, 'text'>, name: string): string {
  return card.text.split('\n')[0].trim() || name;
}

const lineCount = (text: string, style: TextStyle, width: number) => wrapText(text, style, width).length;
/** Lines taken by the longest of several labels (one per language); labels are few, so remembered. */
const labelLines = new Map<string, number>();
function maxLines(labels: string[], style: TextStyle, width: number): number {
  const key = `${style.size}/${style.weight}/${width}/${labels.join('\u0000')}`;
  let n = labelLines.get(key);
  if (n === undefined) {
    n = Math.max(1, ...labels.map((l) => lineCount(l, style, width)));
    labelLines.set(key, n);
  }
  return n;
}

function noteMetrics(card: CardData): CardMetrics {
  const text = excerpt(card.text, CARD_TEXT.body, INNER_W, CARD.maxTextLines);
  const full = Math.min(CARD.maxExpandedLines, text.totalLines);
  const height = (lines: number) => Math.max(CARD.minH, 2 * CARD.padY + lines * CARD_TEXT.body.lineHeight);
  return { shape: 'note', w: CARD.w, h: height(text.lines), text, answer: null, truncated: text.truncated, expandedH: height(full) };
}

function kindMetrics(card: CardData): CardMetrics {
  const isEmotion = card.kind === 'emotion' && typeof card.valence === 'number';
  const labelW = INNER_W - HEAD_ICON - (isEmotion ? VALENCE_BADGE : 0);
  const labels = LABEL_LOCALES.map((l) => CARD_LABELS[l].kinds[card.kind as keyof typeof CARD_LABELS.en.kinds] ?? card.kind);
  const headH = Math.max(isEmotion ? VALENCE_BADGE_H : CARD_TEXT.kind.lineHeight, maxLines(labels, CARD_TEXT.kind, labelW) * CARD_TEXT.kind.lineHeight);

  const isQuestion = card.kind === 'question';
  const style = isQuestion ? CARD_TEXT.question : CARD_TEXT.body;
  const maxText = isQuestion ? CARD.maxQuestionLines : CARD.maxTextLines;
  const text = excerpt(card.text, style, INNER_W, maxText);

  let answer: Excerpt | null = null;
  let answerH = 0;
  let answerFullH = 0;
  if (isQuestion) {
    const answerW = INNER_W - ANSWER_INSET_X;
    const given = card.answer?.trim() ?? '';
    if (given) answer = excerpt(given, CARD_TEXT.answer, answerW, CARD.maxAnswerLines);
    const lines = answer ? answer.lines : maxLines(LABEL_LOCALES.map((l) => CARD_LABELS[l].noAnswer), CARD_TEXT.answer, answerW);
    answerH = CARD.gap + ANSWER_INSET_Y + lines * CARD_TEXT.answer.lineHeight;
    const fullLines = answer ? Math.min(CARD.maxExpandedLines, answer.totalLines) : lines;
    answerFullH = CARD.gap + ANSWER_INSET_Y + fullLines * CARD_TEXT.answer.lineHeight;
  }
  const truncated = text.truncated || !!answer?.truncated;
  const textFull = Math.min(CARD.maxExpandedLines, text.totalLines);
  const height = (textLines: number, aH: number) =>
    Math.max(CARD.minH, 2 * CARD.padY + headH + CARD.gap + textLines * style.lineHeight + aH);
  return { shape: 'kind', w: CARD.w, h: height(text.lines, answerH), text, answer, truncated, expandedH: height(textFull, answerFullH) };
}

function momentMetrics(card: CardData & { moment: MomentId }): CardMetrics {
  // The kicker says "Key moment", or the moment's name in the reader's language when the title is in
  // another one: room for the longest of these in either language.
  const kickers = LABEL_LOCALES.flatMap((l) => [CARD_LABELS[l].kicker, CARD_LABELS[l].moments[card.moment]]);
  const kickerW = MOMENT_INNER_W - MOMENT.icon - MOMENT.iconGap;
  const headH = Math.max(MOMENT.icon, maxLines(kickers, CARD_TEXT.momentKicker, kickerW) * CARD_TEXT.momentKicker.lineHeight);
  // A blank first line shows the moment's name; size for the longer of the two.
  const names = LABEL_LOCALES.map((l) => CARD_LABELS[l].moments[card.moment]);
  const first = card.text.split('\n')[0].trim();
  const title = excerpt(first || names[0], CARD_TEXT.momentTitle, MOMENT_INNER_W, CARD.maxMomentTitleLines);
  const titleLines = first ? title.lines : maxLines(names, CARD_TEXT.momentTitle, MOMENT_INNER_W);
  const h = Math.max(
    CARD.minH,
    2 * MOMENT.insetY + MOMENT.padTop + headH + MOMENT.gap + titleLines * CARD_TEXT.momentTitle.lineHeight + MOMENT.padBottom,
  );
  return { shape: 'moment', w: CARD.w, h, text: title, answer: null, truncated: title.truncated, expandedH: h };
}

const cache = new WeakMap<CardData, CardMetrics>();

/**
 * Size and shown text of a card. Cached by card object: the board store keeps a card's object until
 * its content changes, so a re-layout measures only the cards that changed.
 */
export function cardMetrics(card: CardData): CardMetrics {
  let m = cache.get(card);
  if (!m) {
    m = isMomentCard(card) ? momentMetrics(card as CardData & { moment: MomentId }) : hasKindShape(card) ? kindMetrics(card) : noteMetrics(card);
    cache.set(card, m);
  }
  return m;
}
