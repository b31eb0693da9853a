import { CARD } from '../../../shared/card-layout/card-metrics';
import { GEOMETRY } from '../../../shared/layout';
import { textWidth } from '../../../shared/text/measure';

/**
 * The two badges on a card's top edge, at screen size (pure, unit-tested): the vote's dots on the right
 * (facilitation.css `.dot-mine`, `.dot-total`) and an idea's expected effect on the left
 * (insights/clv.css `.idea-effect-badge`). Each lives in its card's top band: the gap above the card and
 * the card's own top padding, above its first line (`BAND`). Zoomed out, a badge at screen size is wider
 * than its card and taller than that band: it would cover the other badge, the neighbours' and the
 * bottom of the card above. So each keeps its screen size only while it fits its share of its own
 * card's width and the band's height; beyond that it shrinks with the map (`--cap`, the largest scale
 * it may take). Two cards' badges then never meet, and no badge covers a card's words.
 */

/** The effect's share of a card's top edge when the card also shows dots (the dots take the rest). */
export const EFFECT_SHARE = 0.4;
/** Board px between the two badges. */
export const BADGE_GAP = 6;
/** How far a badge reaches past its card's corner (the translate in the CSS), in board px. */
export const OVERHANG = 4;
/** How far a badge reaches down into its card: its top padding, above the first line (the CSS's translate). */
export const DROP = CARD.padY - 1;
/** The height a badge may take: the gap between its card and the one above, and the card's top padding. */
export const BAND = GEOMETRY.gap + DROP;

/** Natural heights (scale 1, board px), from the CSS's line heights, paddings and borders. */
export const BADGE_H = {
  /** `.idea-effect-badge`: a 15-px line, padding 2 + 2. */
  effect: 19,
  /** `.dot-total`: a 15-px line, padding 2 + 2. */
  total: 19,
  /** `.dot-mine.has-dots`: 10-px dots (a 10-px line), padding 3 + 3, border 1 + 1. */
  mine: 18,
};

const bold = (size: number) => ({ size, weight: 700 as const, lineHeight: size * 1.25 });

/** Natural widths (scale 1, board px) of each badge, from the CSS's paddings, borders and text. */
export const badgeWidth = {
  /** `.idea-effect-badge`: 12-px bold text, 7-px padding each side. */
  effect: (label: string) => textWidth(label, bold(12)) + 14,
  /** `.dot-total`: a 10-px dot, a 4-px gap, 13-px bold text, padding 6 + 10. */
  total: (label: string) => 10 + 4 + textWidth(label, bold(13)) + 16,
  /** `.dot-mine.has-dots`: up to five 10-px dots 2 px apart, "+n" beyond, padding 5 + 5, border 1 + 1. */
  mine: (count: number) => {
    if (count <= 0) return 0;
    const dots = Math.min(count, 5);
    return dots * 10 + (dots - 1) * 2 + (count > 5 ? 2 + textWidth(`+${count - 5}`, bold(12)) : 0) + 12;
  },
};

/** The largest scale at which a badge `natural` px wide fits `room` px. */
const capFor = (natural: number, room: number) => (natural > 0 ? Math.max(0.05, room / natural) : 99);

/**
 * `--cap` for each badge of a card `cardW` board px wide; `null` for a badge the card does not show.
 * The two together fit the card's width (with the gap between them and each one's overhang), and each
 * fits the band's height (`dotsH`: `BADGE_H.total` or `BADGE_H.mine`).
 */
export function badgeCaps(cardW: number, dotsW: number | null, effectW: number | null, dotsH = BADGE_H.total): { dots: number; effect: number } {
  const both = dotsW !== null && effectW !== null && dotsW > 0;
  const room = cardW + 2 * OVERHANG;
  const effectRoom = both ? room * EFFECT_SHARE - BADGE_GAP / 2 : room;
  const dotsRoom = both ? room * (1 - EFFECT_SHARE) - BADGE_GAP / 2 : room;
  return {
    dots: dotsW ? Math.min(capFor(dotsW, dotsRoom), BAND / dotsH) : 99,
    effect: effectW ? Math.min(capFor(effectW, effectRoom), BAND / BADGE_H.effect) : 99,
  };
}

/** The scale a badge is drawn at (as the CSS computes it): screen size, never above its cap. */
export const badgeScale = (zoom: number, cap: number) => Math.min(Math.max(1, 1 / zoom), cap);
