/**
 * Where a deck card lands. Following the pattern for scaled canvases, the DOM under the pointer is never
 * asked: the pointer's screen position is converted to board units (screenToBoard) and the cell is looked
 * up in the layout (dropTarget). That keeps drops exact at every zoom, where dnd-kit's own collision
 * rectangles drift inside a CSS-scaled parent.
 */
import { dropTarget, screenToBoard, type BoardLayout, type Camera, type CellRef, type Point } from '../../../shared/layout';

/** The client coordinates of a mouse, pointer or touch event; null for keyboard or unknown events. */
export function eventClientPoint(event: Event | null | undefined): Point | null {
  if (!event) return null;
  const e = event as Partial<MouseEvent> & Partial<TouchEvent>;
  const touch = e.touches?.[0] ?? e.changedTouches?.[0];
  if (touch) return { x: touch.clientX, y: touch.clientY };
  if (typeof e.clientX === 'number' && typeof e.clientY === 'number') return { x: e.clientX, y: e.clientY };
  return null;
}

/** A client (window) point in board units, given the map viewport's position on the page and the camera. */
export function clientToBoard(client: Point, viewport: { left: number; top: number }, camera: Camera): Point {
  return screenToBoard({ x: client.x - viewport.left, y: client.y - viewport.top }, camera);
}

export interface ViewportBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The cell (and position in it) under a client point, or null when the point is outside the visible
 * map: a card released over the deck panel or the top bar must not land on a cell hidden behind them.
 */
export function dropAtClientPoint(
  layout: BoardLayout,
  camera: Camera,
  viewport: ViewportBox,
  client: Point,
): (CellRef & { beforeId?: string }) | null {
  const inside =
    client.x >= viewport.left && client.x < viewport.left + viewport.width && client.y >= viewport.top && client.y < viewport.top + viewport.height;
  if (!inside) return null;
  return dropTarget(layout, clientToBoard(client, viewport, camera));
}
