/**
 * Text as SVG: a block of wrapped lines becomes one <text> with a <tspan> per line, broken exactly where
 * the card layout breaks it (shared/text/measure.ts wrapText, Inter's advance widths), so no viewer
 * has to wrap anything. Each line sits on the baseline CSS would give it in its line box.
 */
import { wrapText, type TextStyle } from '../../text/measure';
import { el, esc, num } from './xml';

/** Inter's ascender and descender (hhea/OS2, units of 2048): where CSS puts the baseline in a line box. */
const ASCENT = 1984 / 2048;
const DESCENT = 494 / 2048;

/** Distance from the top of a line box to the baseline of its text. */
export function baselineOffset(style: Pick<TextStyle, 'size' | 'lineHeight'>): number {
  return (style.lineHeight - (ASCENT + DESCENT) * style.size) / 2 + ASCENT * style.size;
}

/** The lines of `text` as shown (uppercased for an `upper` style), trailing spaces dropped, tabs as spaces. */
export function shownLines(text: string, style: TextStyle, width: number): string[] {
  const src = style.upper ? text.toUpperCase() : text;
  return wrapText(text, style, width).map((l) => src.slice(l.start, l.end).replace(/\t/g, '        ').trimEnd());
}

export interface TextBlock {
  lines: string[];
  x: number;
  /** Top of the first line box. */
  top: number;
  style: TextStyle;
  fill: string;
  anchor?: 'start' | 'middle' | 'end';
  italic?: boolean;
  opacity?: number;
  /** Font weight drawn, when heavier than the one measured (the table has 400, 600 and 700). */
  weight?: number;
}

/** One <text> element, one <tspan> per line; empty lines keep their place. */
export function textBlock(b: TextBlock): string {
  const base = b.top + baselineOffset(b.style);
  let spans = '';
  b.lines.forEach((line, i) => {
    if (line) spans += `<tspan x="${num(b.x)}" y="${num(base + i * b.style.lineHeight)}">${esc(line)}</tspan>`;
  });
  if (!spans) return '';
  return el(
    'text',
    {
      'font-size': b.style.size,
      'font-weight': b.weight ?? b.style.weight,
      'letter-spacing': b.style.letterSpacing ? num(b.style.letterSpacing) : undefined,
      'font-style': b.italic ? 'italic' : undefined,
      'text-anchor': b.anchor && b.anchor !== 'start' ? b.anchor : undefined,
      fill: b.fill,
      'fill-opacity': b.opacity,
      'xml:space': 'preserve',
    },
    spans,
  );
}
