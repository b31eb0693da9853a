import { cellKey, GEOMETRY, type BoardLayout, type CellRef, type Point } from '../../../shared/layout';

/** Geometry decisions of a drag, kept apart from React and dnd-kit so they are tested directly. */

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * Keyboard dragging moves a note from cell to cell rather than by small pixel steps. Given the
 * card's centre in board units, returns its centre one cell away (same spot inside the cell), or
 * null at the edge of the map. From outside the grid (the unplaced strip) it enters the nearest cell.
 */
export function stepCell(layout: BoardLayout, center: Point, dir: Direction): Point | null {
  const { columns, rows } = layout;
  if (!columns.length || !rows.length) return null;
  let ci = columns.findIndex((c) => center.x >= c.x && center.x < c.x + c.w);
  let ri = rows.findIndex((r) => center.y >= r.y && center.y < r.y + r.h);
  const inside = ci !== -1 && ri !== -1;
  if (ci === -1) ci = center.x < columns[0].x ? 0 : columns.length - 1;
  if (ri === -1) ri = center.y < rows[0].y ? 0 : rows.length - 1;
  if (inside) {
    const next = { left: [ci - 1, ri], right: [ci + 1, ri], up: [ci, ri - 1], down: [ci, ri + 1] }[dir];
    if (next[0] < 0 || next[0] >= columns.length || next[1] < 0 || next[1] >= rows.length) return null;
    const [c0, r0] = [columns[ci], rows[ri]];
    const [c1, r1] = [columns[next[0]], rows[next[1]]];
    const halfH = GEOMETRY.cardH / 2;
    return {
      x: c1.x + (center.x - c0.x),
      y: r1.y + Math.min(center.y - r0.y, r1.h - halfH),
    };
  }
  const c = columns[ci];
  const r = rows[ri];
  return { x: c.x + GEOMETRY.cellPad + GEOMETRY.cardW / 2, y: r.y + GEOMETRY.cellPad + GEOMETRY.cardH / 2 };
}

/** True when dropping at `target` would leave the card exactly where it is (no write needed). */
export function isSamePlace(layout: BoardLayout, id: string, target: CellRef & { beforeId?: string }): boolean {
  const current = layout.cards.get(id);
  if (!current || current.stage !== target.stage || current.lane !== target.lane) return false;
  const ids = layout.cells.get(cellKey(target.stage, target.lane)) ?? [];
  const i = ids.indexOf(id);
  if (i === -1) return false;
  const after = ids[i + 1];
  return target.beforeId === after;
}
