import { COLUMN_W, fitCamera, GEOMETRY, screenToBoard, zoomAt, type BoardLayout, type Camera, type Point } from '../../../shared/layout';

/** Camera arithmetic for wheel, pinch and the first view. Pure, so it is tested without a browser. */

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;
export const ZOOM_STEP = 1.25;

/**
 * The board layer's CSS transform. A 3D translate makes it a compositor layer without the
 * `will-change` hint (see canvas.css); whole pixels keep the raster aligned, so a pan never
 * rasters the notes again, only the strip it uncovers.
 */
export function layerTransform(cam: Camera): string {
  return `translate3d(${Math.round(cam.x)}px, ${Math.round(cam.y)}px, 0) scale(${cam.zoom})`;
}

export const clampZoom = (z: number) => Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));

/** Pixel delta of a wheel event whatever its deltaMode (lines, pages). */
export function wheelPixels(delta: number, deltaMode: number, pageSize: number): number {
  return deltaMode === 1 ? delta * 16 : deltaMode === 2 ? delta * pageSize : delta;
}

/**
 * Zoom factor for ctrl+wheel or a trackpad pinch. Pinches send many small deltas and stay smooth; a
 * mouse notch (100 px in Chrome) is clamped so it zooms about 20%, not 2.7×.
 */
export function wheelZoomFactor(deltaYPixels: number): number {
  const d = Math.max(-50, Math.min(50, deltaYPixels));
  return Math.exp(-d * 0.004);
}

/**
 * Two-finger pinch: the zoom follows the distance between the fingers and the board point that was
 * under their midpoint stays under it, so the board feels held by both fingers.
 */
export function pinchCamera(start: Camera, from: [Point, Point], to: [Point, Point]): Camera {
  const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y) || 1;
  const mid = (a: Point, b: Point) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
  const zoom = clampZoom(start.zoom * (dist(to[0], to[1]) / dist(from[0], from[1])));
  const anchor = screenToBoard(mid(from[0], from[1]), start);
  const m = mid(to[0], to[1]);
  return { zoom, x: m.x - anchor.x * zoom, y: m.y - anchor.y * zoom };
}

export function zoomAround(cam: Camera, screen: Point, factor: number): Camera {
  return zoomAt(cam, screen, cam.zoom * factor, MIN_ZOOM, MAX_ZOOM);
}

/**
 * An empty map opens no smaller than this: its stage and lane names are then readable (about 11–13 px)
 * and its first stages in view, where fitting all of it gave 45 % on a laptop (names ~6 px) for a map
 * with nothing to see yet. "Fit the journey" still shows all of it.
 */
export const EMPTY_MAP_ZOOM = 0.75;

/** `fit` for a map without notes: at least EMPTY_MAP_ZOOM, from the map's left edge, centred in height. */
export function emptyMapCamera(fit: Camera, layout: Pick<BoardLayout, 'height'>, h: number, margin = 24): Camera {
  if (fit.zoom >= EMPTY_MAP_ZOOM) return fit;
  return { zoom: EMPTY_MAP_ZOOM, x: margin, y: Math.max(margin, (h - layout.height * EMPTY_MAP_ZOOM) / 2) };
}

/** Screens at least this wide (CSS px) open on the whole journey, whatever its zoom. */
export const WIDE_SCREEN = 1024;

/**
 * The first view of a board: on a laptop or a projector the whole journey, fitted to the room the map
 * has (width and height, beside open panels); on a phone, where the whole journey would be too small to
 * read, the lane titles and the first stage at a readable size, so people can start at once and pan right.
 */
export function initialCamera(layout: BoardLayout, w: number, h: number, screenW = w): Camera {
  const fit = fitCamera(layout, w, h, 24, MIN_ZOOM, 1);
  if (screenW >= WIDE_SCREEN || fit.zoom >= 0.45) return fit;
  const margin = 12;
  const zoom = clampZoom(Math.min(1, (w - margin * 2) / (GEOMETRY.laneHeaderW + COLUMN_W)));
  return { zoom, x: margin, y: margin };
}

export interface StickyOffsets {
  /** How far the lane headers move right and the stage headers move down (board units). */
  dx: number;
  dy: number;
  /**
   * Per lane, how far its name moves down inside its header so it stays at the top of the part of the
   * lane in view (under the stage headers); the CSS keeps it inside the lane (canvas.css).
   */
  lanes: number[];
}

/**
 * Sticky headers: how far the stage headers move down and the lane headers move right (board units)
 * so they stay in view when the map is panned past them, and how far each lane's name moves down its
 * lane. Zero while the map's edge is in view; never past the last lane or stage, so they leave with
 * the map rather than float over empty canvas.
 */
export function stickyOffsets(cam: Camera, viewW: number, viewH: number, layout: Pick<BoardLayout, 'width' | 'height' | 'headerH' | 'rows'>): StickyOffsets {
  // A tiny viewport (not laid out yet) needs no sticky header.
  if (!(viewW > 0 && viewH > 0)) return { dx: 0, dy: 0, lanes: layout.rows.map(() => 0) };
  const top = -cam.y / cam.zoom;
  const left = -cam.x / cam.zoom;
  const dy = Math.max(0, Math.min(top, layout.height - layout.headerH * 2));
  const dx = Math.max(0, Math.min(left, layout.width - GEOMETRY.laneHeaderW * 2));
  // The first board line in view below the stage headers.
  const visibleTop = dy > 0 ? dy + layout.headerH : top;
  const lanes = layout.rows.map((r) => Math.max(0, Math.round(visibleTop - r.y)));
  return { dx, dy, lanes };
}

/** A camera panned just enough to show `rect` (board units) inside the viewport, with a margin. */
export function revealCamera(cam: Camera, rect: { x: number; y: number; w: number; h: number }, w: number, h: number, margin = 32): Camera {
  const left = rect.x * cam.zoom + cam.x;
  const top = rect.y * cam.zoom + cam.y;
  const right = left + rect.w * cam.zoom;
  const bottom = top + rect.h * cam.zoom;
  let dx = 0;
  let dy = 0;
  if (left < margin) dx = margin - left;
  else if (right > w - margin) dx = Math.max(margin - left, w - margin - right);
  if (top < margin) dy = margin - top;
  else if (bottom > h - margin) dy = Math.max(margin - top, h - margin - bottom);
  return dx || dy ? { ...cam, x: cam.x + dx, y: cam.y + dy } : cam;
}
