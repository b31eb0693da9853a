/**
 * Keyboard drag on the map moves from cell to cell, not by pixels: a person using the keyboard thinks in
 * "Purchase, Emotions", and steps of 25 px would take dozens of presses per cell at 50% zoom.
 * Pure functions of the layout, shared by the keyboard sensor and its tests.
 */
import { cellKey, slotRect, type BoardLayout, type CellRef, type Rect } from '../../../shared/layout';

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';
export const ARROW_KEYS: readonly string[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];

const STEP: Record<ArrowKey, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

function indexOf(layout: BoardLayout, cell: CellRef | null): [number, number] | null {
  if (!cell) return null;
  const col = layout.columns.findIndex((c) => c.id === cell.stage);
  const row = layout.rows.findIndex((r) => r.id === cell.lane);
  return col === -1 || row === -1 ? null : [col, row];
}

/**
 * The cell a keyboard drag starts over: the card's suggested stage and lane when the board has them,
 * else the first stage or lane. Null on a board without stages or lanes.
 */
export function startCell(layout: BoardLayout, hint: { stage?: string; lane?: string } = {}): CellRef | null {
  if (layout.columns.length === 0 || layout.rows.length === 0) return null;
  const stage = layout.columns.find((c) => c.id === hint.stage)?.id ?? layout.columns[0].id;
  const lane = layout.rows.find((r) => r.id === hint.lane)?.id ?? layout.rows[0].id;
  return { stage, lane };
}

/** The neighbouring cell in the arrow's direction; the same cell at the edge of the map. */
export function stepCell(layout: BoardLayout, from: CellRef | null, key: ArrowKey): CellRef | null {
  const at = indexOf(layout, from);
  if (!at) return startCell(layout);
  const [dx, dy] = STEP[key];
  const col = Math.max(0, Math.min(layout.columns.length - 1, at[0] + dx));
  const row = Math.max(0, Math.min(layout.rows.length - 1, at[1] + dy));
  return { stage: layout.columns[col].id, lane: layout.rows[row].id };
}

/**
 * Where a card added to the end of a cell will sit, in board units: the keyboard drag shows its card
 * there, so what you see is where it lands.
 */
export function appendSlot(layout: BoardLayout, cell: CellRef, exceptId?: string): Rect | null {
  const ids = (layout.cells.get(cellKey(cell.stage, cell.lane)) ?? []).filter((id) => id !== exceptId);
  return slotRect(layout, cell, ids.length, exceptId);
}
