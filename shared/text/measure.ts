/**
 * Pure, deterministic text measurement for the card layout: the same numbers in the browser, in an
 * export and in a unit test. Widths come from the advance widths of the bundled Inter font (see
 * inter-metrics.ts), rounded up by a safety margin, so a line we predict to fit always fits on screen:
 * kerning and sub-pixel rounding only ever make the browser's text a little narrower or equal.
 */
import { INTER_ADVANCE_RUNS, INTER_UNITS_PER_EM } from './inter-metrics';

export type FontWeight = 400 | 600 | 700;

export interface TextStyle {
  /** Font size in px. */
  size: number;
  weight: FontWeight;
  /** Line box height in px (CSS line-height, set in px where the text is drawn). */
  lineHeight: number;
  /** Extra space after every character in px (CSS letter-spacing). */
  letterSpacing?: number;
  /** Drawn with text-transform: uppercase. */
  upper?: boolean;
}

/** Every width is taken this much larger: err on the side of a little too much room. */
export const SAFETY = 1.04;
/** A character the table does not know (another script, a symbol) counts as this many ems. */
const UNKNOWN_EM = 0.8;
/** Wide characters (CJK, emoji) drawn by a fallback font count as this many ems. */
const WIDE_EM = 1.3;

/** Advance widths in em by code point, per weight; a dense array for the common range, a map beyond. */
const DENSE = 0x2200;
interface Table {
  dense: Float64Array;
  sparse: Map<number, number>;
}
const tables = new Map<FontWeight, Table>();
function table(weight: FontWeight): Table {
  let t = tables.get(weight);
  if (!t) {
    const dense = new Float64Array(DENSE).fill(-1);
    const sparse = new Map<number, number>();
    for (const [first, ...widths] of INTER_ADVANCE_RUNS[weight])
      widths.forEach((w, i) => {
        const cp = first + i;
        if (cp < DENSE) dense[cp] = w / INTER_UNITS_PER_EM;
        else sparse.set(cp, w / INTER_UNITS_PER_EM);
      });
    t = { dense, sparse };
    tables.set(weight, t);
  }
  return t;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x2600 && cp <= 0x27bf) ||
    cp >= 0x1f000
  );
}

/** Advance of one code point in em, before the safety margin. */
function emOf(cp: number, t: Table): number {
  // Zero-width joiners, variation selectors and combining marks add nothing of their own.
  if (cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x300 && cp <= 0x36f)) return 0;
  if (cp === 9) return 8 * emOf(0x20, t);
  const em = cp < DENSE ? t.dense[cp] : (t.sparse.get(cp) ?? -1);
  if (em >= 0) return em;
  return isWide(cp) ? WIDE_EM : UNKNOWN_EM;
}

/** Width in px of one character (a code point, as a string) in a style, margin included. */
export function charWidth(ch: string, style: TextStyle): number {
  const cp = ch.codePointAt(0) ?? 0x20;
  const em = emOf(cp, table(style.weight));
  return em === 0 ? 0 : em * style.size * SAFETY + (style.letterSpacing ?? 0);
}

const shown = (text: string, style: TextStyle) => (style.upper ? text.toUpperCase() : text);

/** Width in px of a run of text on one line. */
export function textWidth(text: string, style: TextStyle): number {
  const src = shown(text, style);
  const t = table(style.weight);
  const spacing = style.letterSpacing ?? 0;
  let em = 0;
  let spaced = 0;
  for (let i = 0; i < src.length; i++) {
    let cp = src.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < src.length) {
      cp = src.codePointAt(i)!;
      i++;
    }
    const e = emOf(cp, t);
    em += e;
    if (e > 0) spaced++;
  }
  return em * style.size * SAFETY + spaced * spacing;
}

/** A wrapped line: where it starts and ends in the text (end excludes the line break). */
export interface Line {
  start: number;
  end: number;
}

/**
 * Breaks text into lines the way the browser does with `white-space: pre-wrap; overflow-wrap: anywhere`:
 * at line breaks, after spaces (trailing spaces hang past the edge), and inside a word only when the
 * word alone is wider than the line. No hyphens are added. Empty text is one empty line.
 */
export function wrapText(text: string, style: TextStyle, maxWidth: number): Line[] {
  const src = shown(text, style);
  const lines: Line[] = [];
  let start = 0;
  for (const para of src.split('\n')) {
    wrapParagraph(para, start, style, maxWidth, lines);
    start += para.length + 1;
  }
  return lines;
}

function wrapParagraph(para: string, offset: number, style: TextStyle, maxWidth: number, out: Line[]): void {
  // Tokens: a word (no spaces) followed by the spaces after it; a line can break only after spaces.
  const tokens = para.match(/[^ ]*[ ]*/g)!.filter((t) => t.length > 0);
  let lineStart = offset;
  let lineEnd = offset;
  let width = 0;
  let pos = offset;
  if (tokens.length === 0) {
    out.push({ start: offset, end: offset });
    return;
  }
  for (const token of tokens) {
    const word = token.trimEnd();
    const wordW = textWidth(word, style);
    const spaceW = textWidth(token.slice(word.length), style);
    if (lineEnd > lineStart && width + wordW > maxWidth) {
      out.push({ start: lineStart, end: lineEnd });
      lineStart = lineEnd = pos;
      width = 0;
    }
    if (wordW > maxWidth) {
      // A word wider than a whole line breaks between characters (overflow-wrap: anywhere).
      let at = pos;
      for (const ch of word) {
        const w = charWidth(ch, style);
        if (width + w > maxWidth && lineEnd > lineStart) {
          out.push({ start: lineStart, end: lineEnd });
          lineStart = at;
          width = 0;
        }
        width += w;
        at += ch.length;
        lineEnd = at;
      }
      width += spaceW;
      lineEnd = pos + token.length;
    } else {
      width += wordW + spaceW;
      lineEnd = pos + token.length;
    }
    pos += token.length;
  }
  out.push({ start: lineStart, end: lineEnd });
}

/** What fits in at most `maxLines` lines: all the text, or a prefix of it ending in "…". */
export interface Excerpt {
  text: string;
  /** Lines shown. */
  lines: number;
  truncated: boolean;
  /** Lines the whole text takes. */
  totalLines: number;
}

export const ELLIPSIS = '…';

export function excerpt(text: string, style: TextStyle, maxWidth: number, maxLines: number): Excerpt {
  const lines = wrapText(text, style, maxWidth);
  if (lines.length <= maxLines) return { text, lines: lines.length, truncated: false, totalLines: lines.length };
  const last = lines[maxLines - 1];
  // Cut the last shown line back to a word end (or, failing that, a character) so that "…" fits.
  let end = last.end;
  const room = maxWidth - textWidth(ELLIPSIS, style);
  const lineText = (e: number) => text.slice(last.start, e).trimEnd();
  while (end > last.start && textWidth(lineText(end), style) > room) {
    const space = text.lastIndexOf(' ', end - 1);
    end = space > last.start ? space : end - 1;
  }
  // Never split a surrogate pair.
  if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1])) end -= 1;
  return { text: text.slice(0, end).trimEnd() + ELLIPSIS, lines: maxLines, truncated: true, totalLines: lines.length };
}

/** Height in px of a block of `lines` lines. */
export const linesHeight = (lines: number, style: TextStyle) => lines * style.lineHeight;
