import type { AxisItem, CardData } from './doc/schema';
import { compareByOrder } from './order';

/**
 * Board geometry in board units (1 unit = 1 CSS px at 100% zoom). The map is a grid of stage columns
 * and lane rows; cards sit in their cell in `order`, a fixed number per row, so they never overlap.
 * Pure and deterministic: the canvas, drop targeting, export and tests all use the same numbers.
 */
export const GEOMETRY = {
  cardW: 168,
  cardH: 96,
  gap: 10,
  cellPad: 12,
  cardsPerRow: 2,
  stageHeaderH: 56,
  laneHeaderW: 168,
  minCellRows: 1,
} as const;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Point {
  x: number;
  y: number;
}
export interface Camera {
  /** Screen position of the board origin, in CSS px. */
  x: number;
  y: number;
  zoom: number;
}

export interface CellRef {
  stage: string;
  lane: string;
}

export interface BoardLayout {
  columns: Array<{ id: string; x: number; w: number }>;
  rows: Array<{ id: string; y: number; h: number }>;
  /** Top-left of every placed card, by id. */
  cards: Map<string, Rect & CellRef>;
  /** Card ids of each cell in display order, keyed `stage\u0000lane`. */
  cells: Map<string, string[]>;
  /** Cards whose stage or lane does not exist: shown in their own strip, never dropped. */
  unplaced: { rect: Rect; ids: string[] } | null;
  width: number;
  height: number;
}

export const cellKey = (stage: string, lane: string) => `${stage}\u0000${lane}`;

const { cardW, cardH, gap, cellPad, cardsPerRow, stageHeaderH, laneHeaderW, minCellRows } = GEOMETRY;
export const COLUMN_W = cellPad * 2 + cardsPerRow * cardW + (cardsPerRow - 1) * gap;

function rowsFor(n: number): number {
  return Math.max(minCellRows, Math.ceil(n / cardsPerRow));
}
function heightFor(rows: number): number {
  return cellPad * 2 + rows * cardH + (rows - 1) * gap;
}
/** Offset of the i-th card inside its cell. */
export function slotOffset(i: number): Point {
  return {
    x: cellPad + (i % cardsPerRow) * (cardW + gap),
    y: cellPad + Math.floor(i / cardsPerRow) * (cardH + gap),
  };
}

export function computeLayout(stages: AxisItem[], lanes: AxisItem[], cards: Iterable<CardData>): BoardLayout {
  const stageIds = new Set(stages.map((s) => s.id));
  const laneIds = new Set(lanes.map((l) => l.id));
  const byCell = new Map<string, CardData[]>();
  const unplacedCards: CardData[] = [];
  for (const c of cards) {
    if (!stageIds.has(c.stage) || !laneIds.has(c.lane)) {
      unplacedCards.push(c);
      continue;
    }
    const k = cellKey(c.stage, c.lane);
    const list = byCell.get(k);
    if (list) list.push(c);
    else byCell.set(k, [c]);
  }
  const cells = new Map<string, string[]>();
  for (const [k, list] of byCell) cells.set(k, list.sort(compareByOrder).map((c) => c.id));

  const columns = stages.map((s, i) => ({ id: s.id, x: laneHeaderW + i * COLUMN_W, w: COLUMN_W }));
  let y = stageHeaderH;
  const rows = lanes.map((l) => {
    let maxRows: number = minCellRows;
    for (const s of stages) maxRows = Math.max(maxRows, rowsFor(cells.get(cellKey(s.id, l.id))?.length ?? 0));
    const row = { id: l.id, y, h: heightFor(maxRows) };
    y += row.h;
    return row;
  });

  const placed = new Map<string, Rect & CellRef>();
  for (const col of columns) {
    for (const row of rows) {
      const ids = cells.get(cellKey(col.id, row.id)) ?? [];
      ids.forEach((id, i) => {
        const o = slotOffset(i);
        placed.set(id, { x: col.x + o.x, y: row.y + o.y, w: cardW, h: cardH, stage: col.id, lane: row.id });
      });
    }
  }

  const width = laneHeaderW + Math.max(1, columns.length) * COLUMN_W;
  let unplaced: BoardLayout['unplaced'] = null;
  if (unplacedCards.length > 0) {
    unplacedCards.sort(compareByOrder);
    const perRow = Math.max(1, Math.floor((width - laneHeaderW - cellPad * 2 + gap) / (cardW + gap)));
    const nRows = Math.ceil(unplacedCards.length / perRow);
    const rect = { x: 0, y, w: width, h: cellPad * 2 + nRows * cardH + (nRows - 1) * gap };
    unplacedCards.forEach((c, i) => {
      placed.set(c.id, {
        x: laneHeaderW + cellPad + (i % perRow) * (cardW + gap),
        y: y + cellPad + Math.floor(i / perRow) * (cardH + gap),
        w: cardW,
        h: cardH,
        stage: c.stage,
        lane: c.lane,
      });
    });
    unplaced = { rect, ids: unplacedCards.map((c) => c.id) };
    y += rect.h;
  }
  return { columns, rows, cards: placed, cells, unplaced, width, height: y };
}

export function screenToBoard(p: Point, cam: Camera): Point {
  return { x: (p.x - cam.x) / cam.zoom, y: (p.y - cam.y) / cam.zoom };
}
export function boardToScreen(p: Point, cam: Camera): Point {
  return { x: p.x * cam.zoom + cam.x, y: p.y * cam.zoom + cam.y };
}

export function cellRect(layout: BoardLayout, cell: CellRef): Rect | null {
  const col = layout.columns.find((c) => c.id === cell.stage);
  const row = layout.rows.find((r) => r.id === cell.lane);
  return col && row ? { x: col.x, y: row.y, w: col.w, h: row.h } : null;
}

/** The cell under a board point, or null outside the grid. */
export function cellAt(layout: BoardLayout, p: Point): CellRef | null {
  const col = layout.columns.find((c) => p.x >= c.x && p.x < c.x + c.w);
  const row = layout.rows.find((r) => p.y >= r.y && p.y < r.y + r.h);
  return col && row ? { stage: col.id, lane: row.id } : null;
}

/**
 * Where a card dropped at board point `p` goes inside its cell: before the card whose slot holds the
 * point (or the next slot), else last. `exceptId` is the card being moved, which leaves its own slot.
 */
export function dropTarget(layout: BoardLayout, p: Point, exceptId?: string): (CellRef & { beforeId?: string }) | null {
  const cell = cellAt(layout, p);
  if (!cell) return null;
  const rect = cellRect(layout, cell)!;
  const ids = (layout.cells.get(cellKey(cell.stage, cell.lane)) ?? []).filter((id) => id !== exceptId);
  const lx = p.x - rect.x - cellPad;
  const ly = p.y - rect.y - cellPad;
  const colIdx = Math.max(0, Math.min(cardsPerRow - 1, Math.floor(lx / (cardW + gap))));
  const rowIdx = Math.max(0, Math.floor(ly / (cardH + gap)));
  // Past the middle of a slot means "after it".
  const inSlotX = lx - colIdx * (cardW + gap);
  const slot = rowIdx * cardsPerRow + colIdx + (inSlotX > cardW / 2 ? 1 : 0);
  return slot < ids.length ? { ...cell, beforeId: ids[slot] } : { ...cell };
}

/** Camera that shows the whole board inside a viewport of the given size, with a margin. */
export function fitCamera(layout: BoardLayout, viewW: number, viewH: number, margin = 24, min = 0.1, max = 4): Camera {
  const zoom = Math.max(min, Math.min(max, Math.min((viewW - margin * 2) / layout.width, (viewH - margin * 2) / layout.height)));
  return { zoom, x: (viewW - layout.width * zoom) / 2, y: Math.max(margin, (viewH - layout.height * zoom) / 2) };
}

/** Zoom around a screen point, keeping the board point under it fixed. */
export function zoomAt(cam: Camera, screen: Point, nextZoom: number, min = 0.1, max = 4): Camera {
  const zoom = Math.max(min, Math.min(max, nextZoom));
  const b = screenToBoard(screen, cam);
  return { zoom, x: screen.x - b.x * zoom, y: screen.y - b.y * zoom };
}
