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
 * The culling window to keep while the camera moves. Panning keeps it as long as it still holds the
 * whole view and takes a new one when the view leaves it. A zoom gesture (`zooming`) keeps it
 * whatever happens: mounting hundreds of notes between two wheel steps is what made zoom frames
 * late; notes come in when the gesture rests (`settled`), which also lets far notes go.
 */
export function nextChunkKey(current: string | null, cam: Camera, viewW: number, viewH: number, settled: boolean, zooming = false): string {
  const exact = visibleChunkKey(cam, viewW, viewH);
  if (settled || !current || current === exact) return exact;
  if (zooming) return current;
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
