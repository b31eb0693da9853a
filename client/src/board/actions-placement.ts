/** Rectangles in screen pixels, relative to the map's viewport. */
export interface ScreenRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Placement {
  x: number;
  y: number;
  side: 'above' | 'below' | 'over';
}

const GAP = 8;
const MARGIN = 8;

/**
 * Where the selected note's action bar goes, in screen space: above the note, else below it, never
 * over its text while either fits; always inside the viewport. Null when the note is off screen (a bar
 * pinned to the edge, far from its note, would belong to nothing). `top` is room taken at the top of the
 * viewport by chrome drawn over the map (the workshop strip).
 */
export function placeActions(card: ScreenRect, bar: { w: number; h: number }, viewport: { w: number; h: number }, top = 0): Placement | null {
  const visible = card.x < viewport.w && card.x + card.w > 0 && card.y < viewport.h && card.y + card.h > top;
  if (!visible) return null;
  const x = clamp(card.x, MARGIN, viewport.w - bar.w - MARGIN);
  const above = card.y - GAP - bar.h;
  if (above >= top + MARGIN) return { x, y: above, side: 'above' };
  const below = card.y + card.h + GAP;
  if (below + bar.h <= viewport.h - MARGIN) return { x, y: below, side: 'below' };
  // A note taller than the screen: the bar stays at the top of what is visible of it.
  return { x, y: clamp(Math.max(card.y, top) + MARGIN, top + MARGIN, viewport.h - bar.h - MARGIN), side: 'over' };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(v, Math.max(lo, hi)));
}
