/**
 * Canvas limits. Browsers refuse (or silently blank) canvases beyond a size: 16,384 px a side is safe
 * in Chromium, Firefox and Safari on desktop, and Chromium caps the area at 16,384² px. An export asks
 * for a pixel ratio (1×, 2×, 3×); when the map would not fit, the ratio goes down until it does, so the
 * image is always whole and never blank, and the person is told.
 */
export const MAX_CANVAS_SIDE = 16_384;
export const MAX_CANVAS_AREA = 16_384 * 16_384;
export const PIXEL_RATIOS = [1, 2, 3] as const;
export type PixelRatio = (typeof PIXEL_RATIOS)[number];
export const DEFAULT_PIXEL_RATIO: PixelRatio = 2;

export interface CanvasLimits {
  side: number;
  area: number;
}

export interface RatioPlan {
  requested: number;
  /** The ratio used: the requested one, or the largest that fits, to two decimals (rounded down). */
  ratio: number;
  scaled: boolean;
  /** Size of the image in pixels. */
  width: number;
  height: number;
}

const SMALLEST_RATIO = 0.01;

/** The pixel ratio for an image of `cssWidth` × `cssHeight` CSS px, within the canvas limits. */
export function planPixelRatio(
  cssWidth: number,
  cssHeight: number,
  requested: number,
  limits: CanvasLimits = { side: MAX_CANVAS_SIDE, area: MAX_CANVAS_AREA },
): RatioPlan {
  const w = Math.max(1, cssWidth);
  const h = Math.max(1, cssHeight);
  const fits = (r: number) => Math.floor(w * r) <= limits.side && Math.floor(h * r) <= limits.side && Math.floor(w * r) * Math.floor(h * r) <= limits.area;
  let ratio = requested;
  if (!fits(ratio)) {
    const bySide = limits.side / Math.max(w, h);
    const byArea = Math.sqrt(limits.area / (w * h));
    ratio = Math.max(SMALLEST_RATIO, Math.floor(Math.min(requested, bySide, byArea) * 100) / 100);
    // Rounding down to two decimals nearly always fits; step down for the rare float edge.
    while (ratio > SMALLEST_RATIO && !fits(ratio)) ratio = Math.round((ratio - 0.01) * 100) / 100;
  }
  return { requested, ratio, scaled: ratio < requested, width: Math.floor(w * ratio), height: Math.floor(h * ratio) };
}

/** The next ratio to try when a drawing came out blank (the browser ran out of room without saying so). */
export function fallbackRatio(ratio: number): number | null {
  const next = Math.floor((ratio / 2) * 100) / 100;
  return next >= 0.25 ? next : null;
}
