import { CARD, cardMetrics } from './card-layout/card-metrics';
import type { AxisItem, CardData } from './doc/schema';
import { compareByOrder } from './order';
import { wrapText, type TextStyle } from './text/measure';

/**
 * Board geometry in board units (1 unit = 1 CSS px at 100% zoom). The map is a grid of stage columns
 * and lane rows; cards sit in their cell in `order`, a fixed number per row, so they never overlap.
 * A card is as tall as its text needs (card-layout/card-metrics.ts); a row of cards inside a cell is as
 * tall as its tallest card, and a lane as tall as its tallest cell.
 * Pure and deterministic: the canvas, drop targeting, export and tests all use the same numbers.
 */
export const GEOMETRY = {
  cardW: CARD.w,
  /** The smallest card height; most cards are this tall, a card with more text is taller. */
  cardH: CARD.minH,
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
  /** Height of the stage headers' row: lanes start below it (`stageHeaderHeight`). */
  headerH: number;
  width: number;
  height: number;
}

export const cellKey = (stage: string, lane: string) => `${stage}\u0000${lane}`;

/** The "Was in: Stage · Lane" line of a card in the "Not placed" strip (board/card.css `.card-unplaced`). */
export const UNPLACED_NOTE: TextStyle = { size: 11, weight: 600, lineHeight: 14 };
/** Its box: 8 px from each side of the card, 6 px from the bottom, 4 px under the card's own text. */
const UNPLACED_NOTE_BOX = { w: GEOMETRY.cardW - 16, below: 6 + 4 } as const;

/**
 * Room at the bottom of an unplaced card for where it was: every line of "Was in: <stage> · <lane>"
 * (the titles the card kept, or the ones that still exist), sized for the longer prefix of either language.
 */
export function unplacedNoteHeight(card: CardData, stages: AxisItem[], lanes: AxisItem[]): number {
  const stage = stages.find((s) => s.id === card.stage)?.title || card.wasIn?.stage || card.stage;
  const lane = lanes.find((l) => l.id === card.lane)?.title || card.wasIn?.lane || card.lane;
  const lines = Math.max(2, wrapText(`Era in: ${stage} · ${lane}`, UNPLACED_NOTE, UNPLACED_NOTE_BOX.w).length);
  return UNPLACED_NOTE_BOX.below + lines * UNPLACED_NOTE.lineHeight;
}

const { cardW, cardH, gap, cellPad, cardsPerRow, stageHeaderH, laneHeaderW, minCellRows } = GEOMETRY;
export const COLUMN_W = cellPad * 2 + cardsPerRow * cardW + (cardsPerRow - 1) * gap;

/** A lane header's title (board/canvas.css `.lane-header .axis-title`): it wraps, never clamped. */
export const LANE_TITLE: TextStyle = { size: 15, weight: 700, lineHeight: 20 };
/** Lane header: padding 12 top and bottom, 12 left and 8 right; its tools (28 px) under the title. */
const LANE_HEADER = { padY: 12, padX: 20, tools: 28 + 4 } as const;

/** The height a lane needs for its header: every line of its title, then its tools. */
export function laneHeaderHeight(title: string): number {
  const lines = wrapText(title, LANE_TITLE, laneHeaderW - LANE_HEADER.padX).length;
  return 2 * LANE_HEADER.padY + lines * LANE_TITLE.lineHeight + LANE_HEADER.tools;
}

/**
 * A stage header's title (board/canvas.css `.stage-header .axis-title`): it wraps, never ellipsised.
 * Its room is the column less the header's paddings, border and the four tools (4 × 28 px) a
 * facilitator sees beside it, so the height is the same for everyone.
 */
export const STAGE_TITLE: TextStyle = { size: 17, weight: 700, lineHeight: 19 };
const STAGE_HEADER = { padY: 6, border: 4, padX: 12 + 6 + 14 + 6 + 2, tools: 4 * 28 + 8 } as const;

/** The stage headers' row: two lines of title fit the usual 56 px; a longer title makes it taller. */
export function stageHeaderHeight(stages: AxisItem[]): number {
  const room = COLUMN_W - STAGE_HEADER.padX - STAGE_HEADER.tools;
  const lines = Math.max(1, ...stages.map((s) => wrapText(s.title, STAGE_TITLE, room).length));
  return Math.max(stageHeaderH, 2 * STAGE_HEADER.padY + STAGE_HEADER.border + lines * STAGE_TITLE.lineHeight);
}

/** Heights of the rows of cards in a cell (each as tall as its tallest card). */
function cardRowHeights(heights: number[]): number[] {
  const rows: number[] = [];
  heights.forEach((h, i) => {
    const r = Math.floor(i / cardsPerRow);
    rows[r] = Math.max(rows[r] ?? 0, h);
  });
  return rows;
}
/** Height of a cell whose card rows have these heights (an empty cell holds one card's room). */
function cellHeightFor(rows: number[]): number {
  const n = Math.max(minCellRows, rows.length);
  let h = cellPad * 2 + (n - 1) * gap;
  for (let i = 0; i < n; i++) h += rows[i] ?? cardH;
  return h;
}
/** Offset of the i-th card inside a cell whose card rows have these heights. */
function slotIn(rows: number[], i: number): Point {
  const r = Math.floor(i / cardsPerRow);
  let y = cellPad;
  for (let k = 0; k < r; k++) y += (rows[k] ?? cardH) + gap;
  return { x: cellPad + (i % cardsPerRow) * (cardW + gap), y };
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
  const cellRows = new Map<string, number[]>();
  const heightOf = new Map<string, number>();
  for (const [k, list] of byCell) {
    list.sort(compareByOrder);
    cells.set(k, list.map((c) => c.id));
    const hs = list.map((c) => cardMetrics(c).h);
    list.forEach((c, i) => heightOf.set(c.id, hs[i]));
    cellRows.set(k, cardRowHeights(hs));
  }

  const columns = stages.map((s, i) => ({ id: s.id, x: laneHeaderW + i * COLUMN_W, w: COLUMN_W }));
  const headerH = stageHeaderHeight(stages);
  let y = headerH;
  const rows = lanes.map((l) => {
    let h = Math.max(cellHeightFor([]), laneHeaderHeight(l.title));
    for (const s of stages) h = Math.max(h, cellHeightFor(cellRows.get(cellKey(s.id, l.id)) ?? []));
    const row = { id: l.id, y, h };
    y += row.h;
    return row;
  });

  const placed = new Map<string, Rect & CellRef>();
  for (const col of columns) {
    for (const row of rows) {
      const k = cellKey(col.id, row.id);
      const ids = cells.get(k) ?? [];
      const cardRows = cellRows.get(k) ?? [];
      ids.forEach((id, i) => {
        const o = slotIn(cardRows, i);
        placed.set(id, { x: col.x + o.x, y: row.y + o.y, w: cardW, h: heightOf.get(id)!, stage: col.id, lane: row.id });
      });
    }
  }

  const width = laneHeaderW + Math.max(1, columns.length) * COLUMN_W;
  let unplaced: BoardLayout['unplaced'] = null;
  if (unplacedCards.length > 0) {
    unplacedCards.sort(compareByOrder);
    const perRow = Math.max(1, Math.floor((width - laneHeaderW - cellPad * 2 + gap) / (cardW + gap)));
    // Rows of the strip, each as tall as its tallest card.
    const stripRows: number[] = [];
    unplacedCards.forEach((c, i) => {
      const r = Math.floor(i / perRow);
      stripRows[r] = Math.max(stripRows[r] ?? 0, cardMetrics(c).h + unplacedNoteHeight(c, stages, lanes));
    });
    let rowY = y + cellPad;
    const rowTop = stripRows.map((h) => {
      const top = rowY;
      rowY += h + gap;
      return top;
    });
    const rect = { x: 0, y, w: width, h: rowY - gap + cellPad - y };
    unplacedCards.forEach((c, i) => {
      placed.set(c.id, {
        x: laneHeaderW + cellPad + (i % perRow) * (cardW + gap),
        y: rowTop[Math.floor(i / perRow)],
        w: cardW,
        h: cardMetrics(c).h + unplacedNoteHeight(c, stages, lanes),
        stage: c.stage,
        lane: c.lane,
      });
    });
    unplaced = { rect, ids: unplacedCards.map((c) => c.id) };
    y += rect.h;
  }
  return { columns, rows, cards: placed, cells, unplaced, headerH, width, height: y };
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

/** Card row heights of a cell's cards, leaving out `exceptId` (the card being moved leaves its slot). */
function rowsOfCell(layout: BoardLayout, cell: CellRef, exceptId?: string): { ids: string[]; rows: number[] } {
  const ids = (layout.cells.get(cellKey(cell.stage, cell.lane)) ?? []).filter((id) => id !== exceptId);
  return { ids, rows: cardRowHeights(ids.map((id) => layout.cards.get(id)?.h ?? cardH)) };
}

/**
 * Where the card at position `index` of a cell sits (e.g. a card added at the end: `index` = the number
 * of cards), in board units, as the smallest card; `exceptId` leaves its slot first.
 */
export function slotRect(layout: BoardLayout, cell: CellRef, index: number, exceptId?: string): Rect | null {
  const rect = cellRect(layout, cell);
  if (!rect) return null;
  const o = slotIn(rowsOfCell(layout, cell, exceptId).rows, index);
  return { x: rect.x + o.x, y: rect.y + o.y, w: cardW, h: cardH };
}

/**
 * Where a card dropped at board point `p` goes inside its cell: before the card whose slot holds the
 * point (or the next slot), else last. `exceptId` is the card being moved, which leaves its own slot.
 */
export function dropTarget(layout: BoardLayout, p: Point, exceptId?: string): (CellRef & { beforeId?: string }) | null {
  const cell = cellAt(layout, p);
  if (!cell) return null;
  const rect = cellRect(layout, cell)!;
  const { ids, rows } = rowsOfCell(layout, cell, exceptId);
  const lx = p.x - rect.x - cellPad;
  const ly = p.y - rect.y - cellPad;
  const colIdx = Math.max(0, Math.min(cardsPerRow - 1, Math.floor(lx / (cardW + gap))));
  // The card row under the point: rows are as tall as their tallest card.
  let rowIdx = 0;
  for (let top = 0; rowIdx < rows.length - 1 && ly >= top + rows[rowIdx] + gap; rowIdx++) top += rows[rowIdx] + gap;
  if (rows.length > 0 && ly >= rows.reduce((a, h) => a + h + gap, 0)) rowIdx = rows.length;
  // Past the middle of a slot means "after it".
  const inSlotX = lx - colIdx * (cardW + gap);
  const slot = rowIdx * cardsPerRow + colIdx + (inSlotX > cardW / 2 ? 1 : 0);
  return slot < ids.length ? { ...cell, beforeId: ids[slot] } : { ...cell };
}

/** The whole journey's size in board units: the grid with its headers and the unplaced strip. */
export function journeyBounds(layout: BoardLayout): Rect {
  return { x: 0, y: 0, w: layout.width, h: layout.height };
}

/** A stage's column, from the top of its header to the bottom of the grid (unplaced strip excluded). */
export function stageRect(layout: BoardLayout, stageId: string): Rect | null {
  const col = layout.columns.find((c) => c.id === stageId);
  const last = layout.rows.at(-1);
  return col ? { x: col.x, y: 0, w: col.w, h: last ? last.y + last.h : layout.headerH } : null;
}

/** A lane's row, from the left of its header to the right edge of the grid. */
export function laneRect(layout: BoardLayout, laneId: string): Rect | null {
  const row = layout.rows.find((r) => r.id === laneId);
  return row ? { x: 0, y: row.y, w: layout.width, h: row.h } : null;
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
