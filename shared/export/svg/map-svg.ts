/**
 * The map as a true vector SVG: rectangles, paths and <text> with the card layout's own line breaks, no
 * foreignObject, no CSS layout. It opens the same in a browser, in librsvg (rsvg-convert, Inkscape,
 * GNOME), in office suites and in design tools. What is drawn comes from the sheet plan (whole map, one
 * stage or the selected card), every card is placed and wrapped by shared/layout and card-layout, and
 * fonts are named with a fallback stack, so a machine without Inter draws a close sans-serif (the layout
 * leaves 4 % spare width on every line). The PNG export rasterises this same file.
 */
import { CARD_LABELS, type LabelLocale } from '../../card-layout/labels';
import { KIND_STYLE } from '../../decks/kind-style';
import { MOMENT_IDS } from '../../decks/deck-schema';
import type { CardData, Locale } from '../../doc/schema';
import { emotionCurve } from '../../decks/emotion-curve';
import { GEOMETRY, LANE_TITLE, type Rect } from '../../layout';
import { excerpt, textWidth, type TextStyle } from '../../text/measure';
import { intersects, SHEET_PAD, type SheetPlan } from '../sheet-plan';
import { cardSvg, MOMENT_COLORS, MOMENT_ICONS, valenceBadge, valenceBadgeWidth, type CardWords } from './card-svg';
import { curveSvg, type CurveWords } from './curve-svg';
import { personaBand, personaTab, type PersonaWords } from './persona-svg';
import type { PersonaData } from '../../personas/persona-schema';
import { cardPersona } from '../../personas/read-personas';
import { comparedCurves } from '../../personas/persona-curves';
import { IconSet } from './icons';
import { ideaEffectOf } from '../../insights/clv-board';
import { laneOf } from '../../insights/method-roles';
import { formatSignedPct } from '../../insights/signed-pct';
import { shownLines, textBlock } from './svg-text';
import { el, esc, num } from './xml';

/** The font stack of every text: Inter (the app's, measured by the layout), then close metric-alikes. */
export const SVG_FONT_STACK = "Inter, 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif";

const INK = '#1d2130';
const MUTED = '#555b6e';
const BORDER = '#dfe1e8';
const SHEET_BG = '#f3f4f8';
const TINTS = ['#eef2ff', '#ecfdf3', '#fff1f3', '#eff8ff', '#fffaeb'];
const TINT_INK = ['#312e81', '#14532d', '#7f1d3a', '#0c4a6e', '#713f12'];

/** Words of the sheet besides the cards', in the board's language. */
export interface SheetWords {
  title: string;
  /** "Stage: Purchase" for a one-stage image. */
  subtitle?: string;
  /** "Exported on 2 December 2026". */
  date: string;
  /** "Not placed" strip and a card's "Was in: …". */
  unplaced: string;
  unplacedFrom: (card: CardData) => string;
  curve: CurveWords;
  /** Words of the persona band (only needed on a board with personas). */
  persona?: PersonaWords;
  legend: { title: string; cards: string; moments: string; emotions: string; curve: string };
}

export interface SheetInput {
  plan: SheetPlan;
  locale: Locale;
  words: SheetWords;
  legend: boolean;
  /** Dots per card of a revealed vote (leave out while the vote is secret). */
  votes?: Readonly<Record<string, number>>;
  /** A card's own icon (a deck card's), by lucide name; its kind's icon otherwise. */
  iconOf?: (card: CardData) => string | undefined;
  /** CSS put in a <style> first, e.g. @font-face rules embedding the font for rasterising. */
  css?: string;
  /** The board's personas and the one shown: a band under the header, tabs on tagged cards, compared curves. */
  personas?: { list: readonly PersonaData[]; active: PersonaData | null };
  /**
   * Starts every id in the drawing (clip path, pattern, icons): a drawing put inline in an HTML page (the
   * report) must not share ids with the page. A file needs none.
   */
  idPrefix?: string;
}

export interface SheetSvg {
  svg: string;
  /** Size in CSS px (user units). */
  width: number;
  height: number;
}

const HEADER_TITLE: TextStyle = { size: 28, weight: 700, lineHeight: 34, letterSpacing: -0.42 };
const HEADER_SUB: TextStyle = { size: 17, weight: 600, lineHeight: 25 };
const HEADER_DATE: TextStyle = { size: 15, weight: 600, lineHeight: 22 };
const STAGE_TITLE: TextStyle = { size: 17, weight: 700, lineHeight: 22, letterSpacing: -0.17 };
const UNPLACED_TITLE: TextStyle = { size: 15, weight: 700, lineHeight: 22 };
const LEGEND_TITLE: TextStyle = { size: 15, weight: 700, lineHeight: 22 };
const LEGEND_GROUP: TextStyle = { size: 12, weight: 700, lineHeight: 17, letterSpacing: 0.48, upper: true };
const LEGEND_ITEM: TextStyle = { size: 13.5, weight: 600, lineHeight: 20 };
const LEGEND_NOTE: TextStyle = { size: 12.5, weight: 400, lineHeight: 18 };
/** Gap between the sheet's parts (header, map, legend). */
const PART_GAP = 20;

function header(words: SheetWords, x: number, y: number, w: number): { svg: string; h: number } {
  const dateW = textWidth(words.date, HEADER_DATE);
  const titleLines = shownLines(words.title, HEADER_TITLE, Math.max(80, w - 24 - dateW));
  let h = titleLines.length * HEADER_TITLE.lineHeight;
  let svg = textBlock({ lines: titleLines, x, top: y, style: HEADER_TITLE, fill: INK, weight: 750 });
  if (words.subtitle) {
    const sub = shownLines(words.subtitle, HEADER_SUB, Math.max(80, w - 24 - dateW));
    svg += textBlock({ lines: sub, x, top: y + h + 2, style: HEADER_SUB, fill: MUTED });
    h += 2 + sub.length * HEADER_SUB.lineHeight;
  }
  svg += textBlock({ lines: [words.date], x: x + w, top: y + h - HEADER_DATE.lineHeight, style: HEADER_DATE, fill: MUTED, anchor: 'end' });
  h += 12;
  svg += el('rect', { x, y: y + h, width: w, height: 2, fill: BORDER });
  return { svg, h: h + 2 };
}

function grid(plan: SheetPlan, words: SheetWords, idPrefix: string): string {
  const { layout, view, stages, lanes } = plan;
  const { laneHeaderW, stageHeaderH } = GEOMETRY;
  const seen = (r: Rect) => intersects(r, view);
  let out = '';
  layout.rows.forEach((row, j) => {
    const tint = TINTS[j % 5];
    if (seen({ x: 0, y: row.y, w: laneHeaderW, h: row.h })) {
      out += el('rect', { x: 0, y: row.y, width: laneHeaderW, height: row.h, fill: tint });
      out += textBlock({ lines: shownLines(lanes[j]?.title ?? '', LANE_TITLE, laneHeaderW - 20), x: 12, top: row.y + 12, style: LANE_TITLE, fill: TINT_INK[j % 5] });
    }
    for (const col of layout.columns) {
      if (!seen({ x: col.x, y: row.y, w: col.w, h: row.h })) continue;
      out += el('rect', { x: col.x, y: row.y, width: col.w, height: row.h, fill: tint });
      // A card alone keeps its lane's colour behind it, not a sliver of the column's dashed edge.
      if (plan.scope !== 'selection')
        out += el('line', { x1: col.x + 0.5, y1: row.y, x2: col.x + 0.5, y2: row.y + row.h, stroke: '#1e293b', 'stroke-opacity': 0.14, 'stroke-dasharray': '3 3' });
    }
    // Each lane's top edge: a thin white line, as on the map.
    out += el('rect', { x: Math.max(0, view.x), y: row.y, width: Math.min(layout.width, view.x + view.w) - Math.max(0, view.x), height: 1, fill: '#fff', 'fill-opacity': 0.9 });
  });
  layout.columns.forEach((col, i) => {
    if (!seen({ x: col.x, y: 0, w: col.w, h: stageHeaderH })) return;
    const bx = col.x + 12;
    const bw = col.w - 18;
    const by = 8;
    const bh = stageHeaderH - 16;
    const top = `M${num(bx)} ${num(by + bh)}V${num(by + 10)}A10 10 0 0 1 ${num(bx + 10)} ${num(by)}H${num(bx + bw - 10)}A10 10 0 0 1 ${num(bx + bw)} ${num(by + 10)}V${num(by + bh)}Z`;
    out += el('path', { d: top, fill: '#fff', stroke: BORDER });
    out += el('rect', { x: bx, y: by + bh - 3, width: bw, height: 3, fill: '#6366f1' });
    const title = excerpt(stages[i]?.title ?? '', STAGE_TITLE, bw - 2 - 20, 1).text;
    out += textBlock({ lines: shownLines(title, STAGE_TITLE, Infinity), x: bx + 15, top: by + (bh - 3 - STAGE_TITLE.lineHeight) / 2 + 1, style: STAGE_TITLE, fill: INK });
  });
  const un = layout.unplaced;
  if (un && seen(un.rect)) {
    const r = un.rect;
    out += el('rect', { x: 0, y: r.y, width: r.w, height: r.h, fill: `url(#${idPrefix}unplaced-stripes)` });
    out += el('line', { x1: 0, y1: r.y + 1, x2: r.w, y2: r.y + 1, stroke: '#d0a43a', 'stroke-width': 2, 'stroke-dasharray': '6 4' });
    out += textBlock({ lines: shownLines(words.unplaced, UNPLACED_TITLE, laneHeaderW - 24), x: 12, top: r.y + 12, style: UNPLACED_TITLE, fill: '#713f12' });
  }
  return out;
}

const unplacedPattern = (idPrefix: string) =>
  `<pattern id="${esc(idPrefix)}unplaced-stripes" width="24" height="24" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
  '<rect width="24" height="24" fill="#fffaeb"/><rect width="12" height="24" x="12" fill="#fff4d6"/></pattern>';

/** A run of items that wrap at `maxW`: returns each item's offset and the block's size. */
function flow(widths: number[], maxW: number, gapX: number, rowH: number, gapY: number): { at: Array<{ x: number; y: number }>; w: number; h: number } {
  const at: Array<{ x: number; y: number }> = [];
  let x = 0;
  let y = 0;
  let w = 0;
  for (const iw of widths) {
    if (x > 0 && x + iw > maxW) {
      x = 0;
      y += rowH + gapY;
    }
    at.push({ x, y });
    w = Math.max(w, x + iw);
    x += iw + gapX;
  }
  return { at, w, h: widths.length ? y + rowH : 0 };
}

function legend(plan: SheetPlan, input: SheetInput, icons: IconSet, x: number, y: number, w: number): { svg: string; h: number } {
  const labels = CARD_LABELS[(input.locale in CARD_LABELS ? input.locale : 'en') as LabelLocale];
  const order = Object.keys(KIND_STYLE);
  const kinds = [...new Set(plan.cards.filter((c) => !(c.kind === 'moment' && (MOMENT_IDS as readonly string[]).includes(c.moment ?? ''))).map((c) => c.kind))]
    .filter((k) => Object.hasOwn(KIND_STYLE, k))
    .sort((a, b) => order.indexOf(a) - order.indexOf(b));
  if (kinds.length === 0) kinds.push('note');
  const sep = input.locale === 'it' ? ',' : '.';
  const innerX = x + 18;
  const innerW = w - 36;
  const groupMax = Math.min(720, innerW);
  const ROW = 26;

  type Item = { w: number; draw: (ix: number, iy: number) => string };
  const kindItems: Item[] = kinds.map((k) => {
    const label = labels.kinds[k as keyof typeof labels.kinds] ?? k;
    const lw = textWidth(label, LEGEND_ITEM);
    return {
      w: 26 + 6 + lw,
      draw: (ix, iy) =>
        el('rect', { x: ix, y: iy + 3, width: 26, height: 20, rx: 3, fill: KIND_STYLE[k as keyof typeof KIND_STYLE].color, stroke: '#101828', 'stroke-opacity': 0.15 }) +
        icons.place(KIND_STYLE[k as keyof typeof KIND_STYLE].icon, ix + 6.5, iy + 6.5, 13, '#1f2430', 2.25, 0.75) +
        textBlock({ lines: [label], x: ix + 32, top: iy + 3, style: LEGEND_ITEM, fill: INK }),
    };
  });
  const momentItems: Item[] = MOMENT_IDS.map((m) => {
    const label = labels.moments[m];
    const pw = 8 + 14 + 6 + textWidth(label, LEGEND_ITEM) + 10;
    return {
      w: pw,
      draw: (ix, iy) =>
        el('rect', { x: ix, y: iy, width: pw, height: ROW, rx: 13, fill: MOMENT_COLORS[m] }) +
        icons.place(MOMENT_ICONS[m], ix + 8, iy + 6, 14, '#fff') +
        textBlock({ lines: [label], x: ix + 28, top: iy + 3, style: LEGEND_ITEM, fill: '#fff' }),
    };
  });
  const valenceItems: Item[] = [-2, -1, 0, 1, 2].map((v) => ({ w: valenceBadgeWidth(v, sep), draw: (ix, iy) => valenceBadge(v, sep, ix, iy + 4, icons) }));

  const groups = [
    { title: input.words.legend.cards, items: kindItems, note: '' },
    { title: input.words.legend.moments, items: momentItems, note: '' },
    { title: input.words.legend.emotions, items: valenceItems, note: plan.curve ? input.words.legend.curve : '' },
  ].map((g) => {
    const f = flow(
      g.items.map((i) => i.w),
      groupMax,
      14,
      ROW,
      6,
    );
    const noteLines = g.note ? shownLines(g.note, LEGEND_NOTE, groupMax) : [];
    const noteW = Math.max(0, ...noteLines.map((l) => textWidth(l, LEGEND_NOTE)));
    const titleW = textWidth(g.title, LEGEND_GROUP);
    return { ...g, f, noteLines, w: Math.min(groupMax, Math.max(f.w, noteW, titleW)), h: LEGEND_GROUP.lineHeight + 6 + f.h + (noteLines.length ? 6 + noteLines.length * LEGEND_NOTE.lineHeight : 0) };
  });
  const placed = flow(
    groups.map((g) => g.w),
    innerW,
    36,
    1, // rows of groups are told apart by y (1, 2, …); their heights are added below
    0,
  );
  // Rows of groups: a row is as tall as its tallest group.
  let svg = textBlock({ lines: [input.words.legend.title], x: innerX, top: y + 14, style: LEGEND_TITLE, fill: INK });
  let rowTop = y + 14 + LEGEND_TITLE.lineHeight + 14;
  let rowH = 0;
  let lastY = 0;
  groups.forEach((g, i) => {
    const p = placed.at[i];
    if (i > 0 && p.y !== lastY) {
      rowTop += rowH + 14;
      rowH = 0;
    }
    lastY = p.y;
    rowH = Math.max(rowH, g.h);
    const gx = innerX + p.x;
    svg += textBlock({ lines: shownLines(g.title, LEGEND_GROUP, Infinity), x: gx, top: rowTop, style: LEGEND_GROUP, fill: MUTED });
    const itemsTop = rowTop + LEGEND_GROUP.lineHeight + 6;
    g.items.forEach((item, k) => (svg += item.draw(gx + g.f.at[k].x, itemsTop + g.f.at[k].y)));
    if (g.noteLines.length) svg += textBlock({ lines: g.noteLines, x: gx, top: itemsTop + g.f.h + 6, style: LEGEND_NOTE, fill: MUTED });
  });
  const h = rowTop + rowH + 14 - y;
  const box = el('rect', { x: x + 0.5, y: y + 0.5, width: w - 1, height: h - 1, rx: 10, fill: '#fff', stroke: BORDER });
  return { svg: box + svg, h };
}

/** The whole image: header, map (clipped to the plan's view), legend, as one SVG document. */
export function sheetSvg(input: SheetInput): SheetSvg {
  const { plan, words } = input;
  const idPrefix = input.idPrefix ?? '';
  const icons = new IconSet(idPrefix);
  const pad = plan.scope === 'selection' ? SHEET_PAD / 2 : SHEET_PAD;
  const width = Math.ceil(plan.view.w) + pad * 2;
  const innerW = width - pad * 2;
  let y = pad;
  let body = '';
  if (plan.header) {
    const h = header(words, pad, y, innerW);
    body += h.svg;
    y += h.h + PART_GAP;
  }
  const personas = input.personas?.list ?? [];
  const active = input.personas?.active ?? null;
  if (active && plan.header) {
    const band = personaBand(active, words.persona ?? { label: '' }, pad, y, innerW);
    body += band.svg;
    y += band.h + PART_GAP;
  }

  // The map, in board units, moved so the view's corner is at (pad, y) and clipped to the view.
  const { view, layout } = plan;
  const cardWords: CardWords = {
    labels: CARD_LABELS[(input.locale in CARD_LABELS ? input.locale : 'en') as LabelLocale],
    decimalSeparator: input.locale === 'it' ? ',' : '.',
    unplacedFrom: words.unplacedFrom,
  };
  const unplaced = new Set(layout.unplaced?.ids ?? []);
  let map = grid(plan, words, idPrefix);
  const ideasLane = laneOf(plan.lanes, 'ideas');
  for (const card of plan.cards) {
    const rect = layout.cards.get(card.id);
    if (!rect || !intersects(rect, view)) continue;
    const icon = input.iconOf?.(card) ?? KIND_STYLE[(Object.hasOwn(KIND_STYLE, card.kind) ? card.kind : 'note') as keyof typeof KIND_STYLE].icon;
    const effect = ideaEffectOf(card, ideasLane);
    map += cardSvg({ card, rect, icon, votes: input.votes?.[card.id], effect: effect ? formatSignedPct(effect.pct, input.locale) : undefined, unplaced: unplaced.has(card.id) }, cardWords, icons);
    const persona = personas.length ? cardPersona(card, personas) : null;
    if (persona) map += personaTab(persona, rect, card.id);
  }
  if (plan.curve) {
    const overlays = comparedCurves(plan.stages, plan.cards, personas).map((c) => ({ name: c.persona.name, color: c.persona.color, points: c.points }));
    map += curveSvg(layout, emotionCurve(plan.stages, plan.cards), words.curve, cardWords.decimalSeparator, overlays);
  }
  body +=
    el('clipPath', { id: `${idPrefix}map-view` }, el('rect', { x: view.x, y: view.y, width: view.w, height: view.h })) +
    el('g', { transform: `translate(${num(pad - view.x)} ${num(y - view.y)})`, 'clip-path': `url(#${idPrefix}map-view)` }, map);
  y += view.h;

  // A lone card has no legend (the dialog does not offer one).
  if (input.legend && plan.scope !== 'selection') {
    y += PART_GAP;
    const l = legend(plan, input, icons, pad, y, innerW);
    body += l.svg;
    y += l.h;
  }
  const height = Math.ceil(y + pad);

  const style = input.css ? `<style>${input.css}</style>` : '';
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1"` +
    ` width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(SVG_FONT_STACK)}" lang="${esc(input.locale)}">` +
    `<title>${esc(words.title)}</title>` +
    `<defs>${style}${icons.defs()}${layout.unplaced ? unplacedPattern(idPrefix) : ''}</defs>` +
    el('rect', { width, height, fill: SHEET_BG }) +
    body +
    `</svg>\n`;
  return { svg, width, height };
}
