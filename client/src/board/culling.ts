import type { BoardLayout, Camera, Rect } from '../../../shared/layout';

/**
 * Which cards to render. The visible board rectangle is widened and snapped to a coarse grid, so
 * panning re-renders the card list only when it crosses a chunk edge, not on every frame.
 */
export const CHUNK = 400;

export function visibleChunkKey(cam: Camera, viewW: number, viewH: number): string {
  const x0 = Math.floor((-cam.x / cam.zoom) / CHUNK) - 1;
  const y0 = Math.floor((-cam.y / cam.zoom) / CHUNK) - 1;
  const x1 = Math.ceil(((viewW - cam.x) / cam.zoom) / CHUNK) + 1;
  const y1 = Math.ceil(((viewH - cam.y) / cam.zoom) / CHUNK) + 1;
  return `${x0}:${y0}:${x1}:${y1}`;
}

export function chunkRect(key: string): Rect {
  const [x0, y0, x1, y1] = key.split(':').map(Number);
  return { x: x0 * CHUNK, y: y0 * CHUNK, w: (x1 - x0) * CHUNK, h: (y1 - y0) * CHUNK };
}

/**
 * The culling window to keep while a gesture runs: the current one as long as it still holds the
 * whole view (panning inside it, zooming in), a new one only when the view leaves it (zooming out
 * past it). Once the gesture rests (`settled`), the window fits the view again and lets far notes go.
 * Zooming in therefore mounts and unmounts nothing until the end of the gesture.
 */
export function nextChunkKey(current: string | null, cam: Camera, viewW: number, viewH: number, settled: boolean): string {
  const exact = visibleChunkKey(cam, viewW, viewH);
  if (settled || !current || current === exact) return exact;
  const win = chunkRect(current);
  const x = -cam.x / cam.zoom;
  const y = -cam.y / cam.zoom;
  const inside = x >= win.x && y >= win.y && x + viewW / cam.zoom <= win.x + win.w && y + viewH / cam.zoom <= win.y + win.h;
  return inside ? current : exact;
}

export function cardsInRect(layout: BoardLayout, r: Rect): string[] {
  const out: string[] = [];
  for (const [id, c] of layout.cards) {
    if (c.x < r.x + r.w && c.x + c.w > r.x && c.y < r.y + r.h && c.y + c.h > r.y) out.push(id);
  }
  return out;
}
