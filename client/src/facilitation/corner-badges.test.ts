import { describe, expect, it } from 'vitest';
import { CARD } from '../../../shared/card-layout/card-metrics';
import { GEOMETRY } from '../../../shared/layout';
import { BADGE_H, BAND, DROP, OVERHANG, badgeCaps, badgeScale, badgeWidth } from './corner-badges';


/** Both badges of a card at (x, y) as drawn at `zoom`, in board px, as the CSS places them. */
function rects(x: number, y: number, w: number, zoom: number, dots: { w: number; h: number } | null, effect: { w: number; h: number } | null) {
  const caps = badgeCaps(w, dots?.w ?? null, effect?.w ?? null, dots?.h);
  const out: Array<{ left: number; right: number; top: number; bottom: number }> = [];
  if (dots) {
    const s = badgeScale(zoom, caps.dots);
    out.push({ left: x + w + OVERHANG - dots.w * s, right: x + w + OVERHANG, top: y + DROP - dots.h * s, bottom: y + DROP });
  }
  if (effect) {
    const s = badgeScale(zoom, caps.effect);
    out.push({ left: x - OVERHANG, right: x - OVERHANG + effect.w * s, top: y + DROP - effect.h * s, bottom: y + DROP });
  }
  return out;
}
const overlap = (a: { left: number; right: number; top: number; bottom: number }, b: typeof a) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('corner badges', () => {
  const dots = [{ w: badgeWidth.total('12 dots'), h: BADGE_H.total }, { w: badgeWidth.total('12 punti'), h: BADGE_H.total }, { w: badgeWidth.mine(7), h: BADGE_H.mine }];
  const effect = { w: badgeWidth.effect('+100 %'), h: BADGE_H.effect };

  it('keep their screen size while they fit their share of the card and the band above its words', () => {
    const caps = badgeCaps(CARD.w, badgeWidth.total('4 dots'), badgeWidth.effect('+10 %'));
    expect(badgeScale(1.5, caps.dots)).toBe(1);
    expect(badgeScale(1, caps.dots)).toBe(1);
    expect(badgeScale(1, caps.effect)).toBe(1);
    // Zoomed out, the band is the limit: no taller than the gap and the card's top padding.
    expect(badgeScale(0.5, caps.dots) * BADGE_H.total).toBeLessThanOrEqual(BAND);
    expect(badgeScale(0.5, caps.effect) * BADGE_H.effect).toBeLessThanOrEqual(BAND);
    // Alone on a card with a long label, the dots may take its whole width.
    const long = badgeWidth.total('120 dots in total');
    expect(badgeCaps(CARD.w, long, null).dots).toBeGreaterThanOrEqual(badgeCaps(CARD.w, long, badgeWidth.effect('+10 %')).dots);
  });

  it('stay in the band between the card above and their card’s first line, at any zoom', () => {
    const { gap } = GEOMETRY;
    for (const zoom of [0.1, 0.2, 0.31, 0.43, 0.6, 0.8, 1, 1.5, 3])
      for (const d of dots) {
        const below = { x: 0, y: CARD.minH + gap };
        for (const r of rects(below.x, below.y, CARD.w, zoom, d, effect)) {
          expect(r.top, `zoom ${zoom}: under the card above`).toBeGreaterThanOrEqual(CARD.minH - 1e-9);
          expect(r.bottom, `zoom ${zoom}: above the first line`).toBeLessThanOrEqual(below.y + CARD.padY);
        }
      }
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
    // Its width is not the limit (the band's height is): the card's whole width is its room.
    expect(caps.effect).toBeCloseTo(Math.min((CARD.w + 2 * OVERHANG) / badgeWidth.effect('+10 %'), BAND / BADGE_H.effect));
    const wide = badgeWidth.effect('+100 % (retention)');
    expect(badgeCaps(CARD.w, null, wide).effect).toBeGreaterThan(badgeCaps(CARD.w, 1, wide).effect);
  });
});
