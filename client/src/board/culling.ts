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

export function cardsInRect(layout: BoardLayout, r: Rect): string[] {
  const out: string[] = [];
  for (const [id, c] of layout.cards) {
    if (c.x < r.x + r.w && c.x + c.w > r.x && c.y < r.y + r.h && c.y + c.h > r.y) out.push(id);
  }
  return out;
}
