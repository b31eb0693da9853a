import { describe, expect, it } from 'vitest';
import { excerpt, textWidth, wrapText, type TextStyle } from './measure';

const body: TextStyle = { size: 14, weight: 400, lineHeight: 19 };
const bold: TextStyle = { size: 14, weight: 700, lineHeight: 19 };
const lineTexts = (text: string, width: number, style = body) => wrapText(text, style, width).map((l) => text.slice(l.start, l.end));

describe('text measurement', () => {
  it('measures with the font’s advance widths, bold wider than regular, a little generous', () => {
    // Inter 400 "m" is 0.876 em wide (@fontsource/inter 5.3.0), taken 4 % wider; "i" much narrower.
    expect(textWidth('m', body)).toBeCloseTo(14 * 0.876 * 1.04, 1);
    expect(textWidth('iiii', body)).toBeLessThan(textWidth('mmmm', body));
    expect(textWidth('Verità', bold)).toBeGreaterThan(textWidth('Verità', body));
    expect(textWidth('AB', { ...body, letterSpacing: 1 })).toBeCloseTo(textWidth('AB', body) + 2);
    expect(textWidth('abc', { ...body, upper: true })).toBe(textWidth('ABC', body));
  });

  it('counts unknown and wide characters generously', () => {
    expect(textWidth('語', body)).toBeGreaterThanOrEqual(14);
    expect(textWidth('😀', body)).toBeGreaterThanOrEqual(14);
  });

  it('wraps by words, keeps line breaks, and breaks an over-long word without hyphens', () => {
    const words = 'one two three four five six seven eight nine ten';
    const w = textWidth('one two three', body) + 1;
    const lines0 = lineTexts(words, w);
    expect(lines0[0]).toBe('one two three ');
    expect(lines0.join('')).toBe(words);
    lines0.forEach((l, i) => {
      expect(textWidth(l.trimEnd(), body)).toBeLessThanOrEqual(w);
      // Greedy: the next line's first word would not have fitted.
      const next = lines0[i + 1]?.split(' ')[0];
      if (next) expect(textWidth(l + next, body)).toBeGreaterThan(w);
    });
    expect(lineTexts('first\n\nthird', 200)).toEqual(['first', '', 'third']);
    const long = 'x'.repeat(60);
    const lines = lineTexts(`a ${long} b`, 100);
    expect(lines[0]).toBe('a ');
    expect(lines.join('').replace(/ /g, '')).toBe(`a${long}b`);
    for (const l of lines) expect(textWidth(l.trimEnd(), body)).toBeLessThanOrEqual(100);
    expect(lines.some((l) => l.includes('-'))).toBe(false);
    expect(lineTexts('', 100)).toEqual(['']);
  });

  it('cuts a long text to an excerpt at a word end, ending in an ellipsis that fits', () => {
    const text = 'word '.repeat(400).trim();
    const e = excerpt(text, body, 144, 5);
    expect(e.truncated).toBe(true);
    expect(e.lines).toBe(5);
    expect(e.text.endsWith('word…')).toBe(true);
    expect(text.startsWith(e.text.slice(0, -1))).toBe(true);
    expect(wrapText(e.text, body, 144)).toHaveLength(5);
    expect(excerpt('short', body, 144, 5)).toEqual({ text: 'short', lines: 1, truncated: false, totalLines: 1 });
    expect(e.totalLines).toBeGreaterThan(50);
  });
});
