/**
 * One card as SVG, placed and sized by the card layout (shared/card-layout/card-metrics.ts) and drawn
 * the way board/card.css, journey/kind-face.css, moment-marker.css and valence-badge.css draw it on the
 * map: a sticky note with its text; a deck card with its icon, kind label, valence badge, text and a
 * question's answer; a key moment as a pennant on a pole. Every line is the layout's own line.
 */
import { CARD, CARD_TEXT, cardMetrics, momentTitle } from '../../card-layout/card-metrics';
import type { CardLabels } from '../../card-layout/labels';
import { formatValence } from '../../decks/emotion-curve';
import { KIND_STYLE } from '../../decks/kind-style';
import type { MomentId } from '../../decks/deck-schema';
import type { CardData } from '../../doc/schema';
import type { Rect } from '../../layout';
import { UNPLACED_NOTE } from '../../layout';
import { textWidth, type TextStyle } from '../../text/measure';
import type { IconSet } from './icons';
import { shownLines, textBlock } from './svg-text';
import { el, num } from './xml';

export const CARD_INK = '#1f2430';
export const MOMENT_COLORS: Record<MomentId, string> = { trigger: '#6d28d9', truth: '#b4235a', medal: '#7a5300' };
export const MOMENT_ICONS: Record<MomentId, string> = { trigger: 'crosshair', truth: 'scale', medal: 'medal' };
const VALENCE_FACES = { '-2': 'angry', '-1': 'frown', '0': 'meh', '1': 'smile', '2': 'laugh' } as const;
const VALENCE_COLORS = { neg: '#a3123a', zero: '#4b5563', pos: '#166534' } as const;
const VALENCE_TEXT: TextStyle = { size: 11.5, weight: 700, lineHeight: 14 };
const VOTE_TEXT: TextStyle = { size: 11.5, weight: 700, lineHeight: 18 };
const EFFECT_TEXT: TextStyle = { size: 12, weight: 700, lineHeight: 18 };

export interface CardWords {
  labels: CardLabels;
  /** "," in Italian, "." in English (the valence's decimals). */
  decimalSeparator: string;
  /** The "Was in: …" line of a card whose stage or lane is gone. */
  unplacedFrom?: (card: CardData) => string;
}

export interface CardDrawing {
  card: CardData;
  rect: Rect;
  /** Its icon (a deck card's own, else its kind's), by lucide name. */
  icon: string;
  /** Dots of a revealed vote; undefined draws no badge. */
  votes?: number;
  /** An idea's expected effect as written on its badge ("+10 %"); undefined draws none. */
  effect?: string;
  unplaced: boolean;
}

/** A rectangle with the sticky note's corners: 4 px, the bottom right 10 px. */
function notePath(x: number, y: number, w: number, h: number): string {
  const r = 4;
  const br = 10;
  return (
    `M${num(x + r)} ${num(y)}H${num(x + w - r)}A${r} ${r} 0 0 1 ${num(x + w)} ${num(y + r)}V${num(y + h - br)}` +
    `A${br} ${br} 0 0 1 ${num(x + w - br)} ${num(y + h)}H${num(x + r)}A${r} ${r} 0 0 1 ${num(x)} ${num(y + h - r)}V${num(y + r)}A${r} ${r} 0 0 1 ${num(x + r)} ${num(y)}Z`
  );
}

/**
 * The map's soft shadow, without a blur filter (filters make rasterising hundreds of cards slow): one
 * translucent copy of the card's shape, 2 px lower. One element per card keeps a large map quick to load.
 */
function shadow(d: (dy: number) => string): string {
  return el('path', { d: d(2), fill: '#101828', 'fill-opacity': 0.12 });
}

function valenceStep(v: number): -2 | -1 | 0 | 1 | 2 {
  return (Math.max(-2, Math.min(2, Math.round(v))) || 0) as -2 | -1 | 0 | 1 | 2;
}

/** Width of a valence badge: border, padding 4 + 6, the face (14), a 3 px gap and the signed number. */
export function valenceBadgeWidth(value: number, sep: string): number {
  return 2 + 4 + 14 + 3 + textWidth(formatValence(value, sep), VALENCE_TEXT) + 6;
}

/** A valence badge (face and signed number in a pill) with its top-left corner at (x, y). */
export function valenceBadge(value: number, sep: string, x: number, y: number, icons: IconSet): string {
  const step = valenceStep(value);
  const color = VALENCE_COLORS[step < 0 ? 'neg' : step > 0 ? 'pos' : 'zero'];
  const w = valenceBadgeWidth(value, sep);
  return (
    el('rect', { x: x + 0.5, y: y + 0.5, width: w - 1, height: 17, rx: 8.5, fill: '#fff', stroke: color }) +
    icons.place(VALENCE_FACES[String(step) as keyof typeof VALENCE_FACES], x + 5, y + 2, 14, color) +
    textBlock({ lines: [formatValence(value, sep)], x: x + 5 + 14 + 3, top: y + 2, style: VALENCE_TEXT, fill: color })
  );
}

function kindFace(d: CardDrawing, words: CardWords, icons: IconSet): string {
  const { card, rect } = d;
  const m = cardMetrics(card);
  const x = rect.x + CARD.padX;
  const inner = CARD.w - 2 * CARD.padX;
  let y = rect.y + CARD.padY;
  let out = icons.place(d.icon, x, y, 14, CARD_INK, 2.25, 0.72);
  const isEmotion = card.kind === 'emotion' && typeof card.valence === 'number';
  const label = words.labels.kinds[card.kind as keyof CardLabels['kinds']] ?? card.kind;
  // Beside the badge's own width (the map's head is a flex row), not the 60 px the layout reserves for the
  // widest badge: "EMOZIONE" stays on one line beside "+1", as on the map.
  const labelLines = shownLines(label, CARD_TEXT.kind, inner - 19 - (isEmotion ? valenceBadgeWidth(card.valence!, words.decimalSeparator) + 5 : 0));
  out += textBlock({ lines: labelLines, x: x + 19, top: y, style: CARD_TEXT.kind, fill: CARD_INK, opacity: 0.72 });
  let headH = Math.max(CARD_TEXT.kind.lineHeight, labelLines.length * CARD_TEXT.kind.lineHeight);
  if (isEmotion) {
    out += valenceBadge(card.valence!, words.decimalSeparator, rect.x + CARD.w - CARD.padX - valenceBadgeWidth(card.valence!, words.decimalSeparator), y, icons);
    headH = Math.max(headH, 18);
  }
  y += headH + CARD.gap;
  const isQuestion = card.kind === 'question';
  const style = isQuestion ? CARD_TEXT.question : CARD_TEXT.body;
  const lines = shownLines(m.text.text, style, inner);
  out += textBlock({ lines, x, top: y, style, fill: CARD_INK });
  y += lines.length * style.lineHeight;
  if (isQuestion) {
    y += CARD.gap;
    const given = m.answer?.text;
    const answerLines = shownLines(given ?? words.labels.noAnswer, CARD_TEXT.answer, inner - 15);
    const h = 4 + answerLines.length * CARD_TEXT.answer.lineHeight;
    out += el('rect', { x, y, width: inner, height: h, rx: 4, fill: '#fff', 'fill-opacity': 0.72 });
    out += el('rect', { x, y, width: 3, height: h, fill: '#0f766e' });
    out += textBlock({ lines: answerLines, x: x + 9, top: y + 2, style: CARD_TEXT.answer, fill: CARD_INK, italic: !given, opacity: given ? undefined : 0.6 });
  }
  return out;
}

function momentFace(d: CardDrawing, moment: MomentId, words: CardWords, icons: IconSet): string {
  const { card, rect } = d;
  const m = cardMetrics(card);
  const color = MOMENT_COLORS[moment];
  const x = rect.x;
  const top = rect.y + 4;
  const w = CARD.w;
  const h = rect.h - 8;
  const pennant = (dy: number) => `M${num(x)} ${num(top + dy)}H${num(x + w)}L${num(x + w - 18)} ${num(top + dy + h / 2)}L${num(x + w)} ${num(top + dy + h)}H${num(x)}Z`;
  let out = shadow(pennant) + el('path', { d: pennant(0), fill: color });
  out += el('rect', { x, y: top, width: 6, height: h, fill: '#000', 'fill-opacity': 0.35 });
  const name = words.labels.moments[moment];
  const title = momentTitle(card, name);
  const kicker = title === name ? words.labels.kicker : name;
  const kickerLines = shownLines(kicker, CARD_TEXT.momentKicker, w - 13 - 24 - 22 - 6);
  const headH = Math.max(22, kickerLines.length * CARD_TEXT.momentKicker.lineHeight);
  const headTop = top + 8;
  out += el('circle', { cx: x + 13 + 11, cy: headTop + headH / 2, r: 11, fill: '#fff', 'fill-opacity': 0.2 });
  out += icons.place(MOMENT_ICONS[moment], x + 13 + 4, headTop + headH / 2 - 7, 14, '#fff', 2.5);
  out += textBlock({
    lines: kickerLines,
    x: x + 13 + 22 + 6,
    top: headTop + (headH - kickerLines.length * CARD_TEXT.momentKicker.lineHeight) / 2,
    style: CARD_TEXT.momentKicker,
    fill: '#fff',
    opacity: 0.9,
  });
  const shown = m.text.truncated && title !== name ? m.text.text : title;
  out += textBlock({ lines: shownLines(shown, CARD_TEXT.momentTitle, w - 13 - 24), x: x + 13, top: headTop + headH + 2, style: CARD_TEXT.momentTitle, fill: '#fff' });
  return out;
}

/**
 * The two badges straddle the card's top edge, as on the map (facilitation/corner-badges.ts): the vote's
 * dots on the top right corner, an idea's effect on the top left one, each reaching 4 px past its corner
 * and 9 px down into the card's top padding. 18 px tall, they stay in the gap above the card and that
 * padding: neither covers the card's words nor the card above.
 */
const BADGE_H = 18;
const BADGE_OVERHANG = 4;
const BADGE_DROP = CARD.padY - 1;
const badgeTop = (rect: Rect) => rect.y + BADGE_DROP - BADGE_H;

/** A revealed vote's dots on a card: a teal pill above its top right corner. */
function voteBadge(rect: Rect, votes: number): string {
  const text = `● ${votes}`;
  const w = Math.ceil(textWidth(text, VOTE_TEXT)) + 14;
  const x = rect.x + rect.w + BADGE_OVERHANG - w;
  const y = badgeTop(rect);
  return el('rect', { x, y, width: w, height: BADGE_H, rx: 9, fill: '#0f766e', stroke: '#fff', 'stroke-width': 1.5 }) + textBlock({ lines: [text], x: x + w / 2, top: y, style: VOTE_TEXT, fill: '#fff', anchor: 'middle' });
}

/**
 * An idea's expected effect: an indigo pill above the card's top left corner, as
 * insights/idea-effects-layer.tsx and clv.css draw it on the map (12 px bold, 7 px side padding).
 */
function effectBadge(rect: Rect, text: string): string {
  const w = Math.ceil(textWidth(text, EFFECT_TEXT)) + 14;
  const x = rect.x - BADGE_OVERHANG;
  const y = badgeTop(rect);
  return el('rect', { x, y, width: w, height: BADGE_H, rx: 9, fill: '#3b2fc9' }) + textBlock({ lines: [text], x: x + w / 2, top: y, style: EFFECT_TEXT, fill: '#fff', anchor: 'middle' });
}

/** The SVG of one card, in board units. */
export function cardSvg(d: CardDrawing, words: CardWords, icons: IconSet): string {
  const { card, rect } = d;
  const m = cardMetrics(card);
  let out: string;
  if (m.shape === 'moment') out = momentFace(d, card.moment as MomentId, words, icons);
  else {
    const path = (dy: number) => notePath(rect.x, rect.y + dy, rect.w, rect.h);
    out = shadow(path) + el('path', { d: path(0), fill: card.color || KIND_STYLE.note.color });
    out += m.shape === 'kind' ? kindFace(d, words, icons) : textBlock({ lines: shownLines(m.text.text, CARD_TEXT.body, CARD.w - 2 * CARD.padX), x: rect.x + CARD.padX, top: rect.y + CARD.padY, style: CARD_TEXT.body, fill: CARD_INK });
  }
  if (d.unplaced && words.unplacedFrom) {
    const lines = shownLines(words.unplacedFrom(card), UNPLACED_NOTE, CARD.w - 16);
    out += textBlock({ lines, x: rect.x + 8, top: rect.y + rect.h - 6 - lines.length * UNPLACED_NOTE.lineHeight, style: UNPLACED_NOTE, fill: '#6b4300' });
  }
  if (d.votes !== undefined && d.votes > 0) out += voteBadge(rect, d.votes);
  if (d.effect) out += el('g', { 'data-effect': card.id }, effectBadge(rect, d.effect));
  return el('g', { 'data-card': card.id }, out);
}
