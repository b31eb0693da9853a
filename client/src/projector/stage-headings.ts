import { textWidth, type TextStyle } from '../../../shared/text/measure';

/**
 * The projector's stage names, laid out like slide headings (pure, unit-tested): one font size for
 * every name in view, words never broken. Two ways to place them in the ribbon, which is two lines tall:
 *
 * - `row`: each name inside its own column, wrapping between words onto two lines at most;
 * - `staggered`: when the columns are narrower than the names (six Italian stages on a 1280-px
 *   projector: "Consapevolezza" is wider than its column at any size one reads from the back of the
 *   room), the names take turns on the upper and the lower line, one line each, centred over their
 *   column and free to reach over the neighbours' columns, whose names sit on the other line.
 *
 * The size is the largest, up to the ribbon's, at which every name fits whole; a row when a row reaches
 * the floor (a 24-px name is a 28.8-px heading, the issue's 28 px), else staggered. Only if neither
 * reaches the floor does the size go below it: a word is shrunk, never cut.
 */

/** A stage's column in the ribbon (its visible part, in px from the ribbon's left edge). */
export interface StageSlot {
  title: string;
  left: number;
  width: number;
  /** Only part of the column is on screen (a zoomed-in view): its name shows only if it fits there. */
  partial?: boolean;
}

export interface StageLabel {
  /** Where the name is drawn, in px from the ribbon's left edge. */
  left: number;
  width: number;
  /** `both`: centred in the ribbon's height (row); 0 or 1: the upper or lower line (staggered). */
  line: 'both' | 0 | 1;
  /** False for a partly visible column too narrow for its name at the common size: its name is not drawn. */
  shown: boolean;
}

export interface StageHeadingsPlan {
  font: number;
  mode: 'row' | 'staggered';
  labels: StageLabel[];
}

/** Stage names are drawn in Inter 700 (projector.css): its advance widths, with measure.ts's margin, bound them. */
const EM: TextStyle = { size: 1, weight: 700, lineHeight: 1.2 };
/** projector.css `.projector-stage-name` padding, on each side. */
export const LABEL_PAD = 8;
/** Room between two names on the same line (staggered). */
const GAP = 14;
/** The ribbon holds two lines of names (projector-map.tsx `ribbonArea`). */
const LINES = 2;
/** A 24-px name is 28.8 px tall (line-height 1.2): the 28-px stage headings. */
export const MIN_STAGE_FONT = 24;
/** Below the floor only to keep a word whole; never smaller than this. */
const LAST_RESORT_FONT = 12;

const words = (title: string) => title.split(/\s+/).filter(Boolean);
const emWidth = (text: string) => textWidth(text, EM);
const SPACE_EM = emWidth(' ');

/** How many lines `title` takes at `font` in `room` px, breaking only between words; Infinity if a word is wider than the room. */
export function linesFor(title: string, font: number, room: number): number {
  let lines = 0;
  let used = 0;
  for (const w of words(title)) {
    const width = emWidth(w) * font;
    if (width > room) return Infinity;
    if (lines && used + SPACE_EM * font + width <= room) used += SPACE_EM * font + width;
    else {
      lines++;
      used = width;
    }
  }
  return Math.max(1, lines);
}

const fitsRow = (s: StageSlot, font: number) => linesFor(s.title, font, s.width - LABEL_PAD * 2) <= LINES;

/** Row at `font`: every whole column's name fits inside it. */
function row(slots: StageSlot[], font: number): StageLabel[] | null {
  if (slots.some((s) => !s.partial && !fitsRow(s, font))) return null;
  return slots.map((s) => ({ left: s.left, width: s.width, line: 'both', shown: fitsRow(s, font) }));
}

/** Staggered at `font`: the whole columns' names, one line each, alternate lines, no two touching. */
function staggered(slots: StageSlot[], font: number, ribbonW: number): StageLabel[] | null {
  const labels: StageLabel[] = [];
  const lastOnLine: Array<number> = [-Infinity, -Infinity];
  let n = 0;
  for (const s of slots) {
    if (s.partial) {
      labels.push({ left: s.left, width: s.width, line: 'both', shown: false });
      continue;
    }
    const line = (n++ % 2) as 0 | 1;
    const width = Math.ceil(emWidth(s.title) * font + LABEL_PAD * 2);
    if (width > ribbonW) return null;
    const left = Math.max(0, Math.min(ribbonW - width, s.left + s.width / 2 - width / 2));
    if (left < lastOnLine[line] + GAP) return null;
    lastOnLine[line] = left + width;
    labels.push({ left, width, line, shown: true });
  }
  return labels;
}

/**
 * The common size and the place of every stage name in a ribbon `ribbonW` px wide whose largest name
 * size is `maxFont`. `slots` are the columns in view, left to right.
 */
export function planStageHeadings(slots: StageSlot[], ribbonW: number, maxFont: number): StageHeadingsPlan {
  const top = Math.max(LAST_RESORT_FONT, Math.floor(maxFont));
  const floor = Math.min(MIN_STAGE_FONT, top);
  for (let f = top; f >= floor; f--) {
    const labels = row(slots, f);
    if (labels) return { font: f, mode: 'row', labels };
  }
  for (let f = top; f >= LAST_RESORT_FONT; f--) {
    // Below the floor, a row and a staggered ribbon compete: whichever keeps the larger size.
    const rowed = f < floor ? row(slots, f) : null;
    if (rowed) return { font: f, mode: 'row', labels: rowed };
    const labels = staggered(slots, f, ribbonW);
    if (labels) return { font: f, mode: 'staggered', labels };
  }
  return { font: LAST_RESORT_FONT, mode: 'row', labels: slots.map((s) => ({ left: s.left, width: s.width, line: 'both', shown: !s.partial })) };
}
