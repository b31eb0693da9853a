import { describe, expect, it } from 'vitest';
import { CARD } from '../../../shared/card-layout/card-metrics';
import { GEOMETRY } from '../../../shared/layout';
import { OVERHANG, badgeCaps, badgeScale, badgeWidth } from './corner-badges';

const H = { effect: 12 * 1.25 + 4, total: 14 * 1.25 + 6, mine: 10 + 8 };

/** Both badges of a card at (x, y) as drawn at `zoom`, in board px, as the CSS places them. */
function rects(x: number, y: number, w: number, zoom: number, dots: { w: number; h: number } | null, effect: { w: number; h: number } | null) {
  const caps = badgeCaps(w, dots?.w ?? null, effect?.w ?? null);
  const out: Array<{ left: number; right: number; top: number; bottom: number }> = [];
  if (dots) {
    const s = badgeScale(zoom, caps.dots);
    out.push({ left: x + w + OVERHANG - dots.w * s, right: x + w + OVERHANG, top: y + 2 - dots.h * s, bottom: y + 2 });
  }
  if (effect) {
    const s = badgeScale(zoom, caps.effect);
    out.push({ left: x - OVERHANG, right: x - OVERHANG + effect.w * s, top: y + 2 - effect.h * s, bottom: y + 2 });
  }
  return out;
}
const overlap = (a: { left: number; right: number; top: number; bottom: number }, b: typeof a) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('corner badges', () => {
  const dots = [{ w: badgeWidth.total('12 dots'), h: H.total }, { w: badgeWidth.total('12 punti'), h: H.total }, { w: badgeWidth.mine(7), h: H.mine }];
  const effect = { w: badgeWidth.effect('+100 %'), h: H.effect };

  it('keep their screen size while they fit their share of the card', () => {
    const caps = badgeCaps(CARD.w, badgeWidth.total('4 dots'), badgeWidth.effect('+10 %'));
    expect(badgeScale(1, caps.dots)).toBe(1);
    expect(badgeScale(0.8, caps.dots)).toBeCloseTo(1.25);
    expect(badgeScale(0.8, caps.effect)).toBeCloseTo(1.25);
    // Alone on a card, the dots may take its whole width.
    expect(badgeCaps(CARD.w, badgeWidth.total('4 dots'), null).dots).toBeGreaterThan(caps.dots);
  });

  it('a card’s dots and effect never overlap, nor those of its neighbours, at any zoom', () => {
    const { gap } = GEOMETRY;
    for (const zoom of [0.1, 0.2, 0.31, 0.43, 0.6, 0.8, 1, 1.5, 3])
      for (const d of dots) {
        // Four cards in a 2 × 2 block of one cell, the shortest a card can be, each with both badges.
        const cards = [
          [0, 0],
          [CARD.w + gap, 0],
          [0, CARD.minH + gap],
          [CARD.w + gap, CARD.minH + gap],
        ];
        const all = cards.flatMap(([x, y]) => rects(x, y, CARD.w, zoom, d, effect));
        for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlap(all[i], all[j]), `zoom ${zoom}, badges ${i} and ${j}`).toBe(false);
      }
  });

  it('the badges of a card without an effect or without dots take the whole width', () => {
    const caps = badgeCaps(CARD.w, null, badgeWidth.effect('+10 %'));
    expect(caps.dots).toBe(99);
    expect(badgeWidth.effect('+10 %') * caps.effect).toBeCloseTo(CARD.w + 2 * OVERHANG);
  });
});
