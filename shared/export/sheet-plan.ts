/**
 * What an export draws, in board units (1 unit = 1 CSS px, the map at 100%): which stages, lanes and
 * cards, their layout (the same `computeLayout` as the screen), and the part of the map in view. Pure,
 * so the scope rules are unit-tested and the e2e specs can predict the image size.
 */
import type { AxisItem, CardData } from '../doc/schema';
import { GEOMETRY, computeLayout, type BoardLayout, type Rect } from '../layout';
import { CURVE_TOP } from '../journey/curve-geometry';

export type ExportScope = { kind: 'map' } | { kind: 'stage'; stageId: string } | { kind: 'selection'; ids: string[] };

export interface BoardContent {
  stages: AxisItem[];
  lanes: AxisItem[];
  cards: Readonly<Record<string, CardData>>;
}

/** Room above a selection's cards: the cell's padding and a little more, for the badges over their top edge. */
export const SELECTION_TOP = 18;

export interface SheetPlan {
  scope: ExportScope['kind'];
  stages: AxisItem[];
  lanes: AxisItem[];
  layout: BoardLayout;
  cards: CardData[];
  /** The part of the map drawn; the emotion curve strip lies above the map, at negative y. */
  view: Rect;
  curve: boolean;
  /** Title and date above the map (not for a lone selection). */
  header: boolean;
  /** The stage's title, for a one-stage export. */
  stageTitle?: string;
}

/** Margin around the map and between the sheet's parts, in CSS px. */
export const SHEET_PAD = 32;

/** The whole map plus the curve strip above it (when there are stages to draw it over). */
function wholeView(layout: BoardLayout): Rect {
  const top = layout.columns.length > 0 ? CURVE_TOP : 0;
  return { x: 0, y: -top, w: layout.width, h: layout.height + top };
}

export function planSheet(board: BoardContent, scope: ExportScope): SheetPlan | null {
  const all = Object.values(board.cards);
  if (scope.kind === 'map') {
    const layout = computeLayout(board.stages, board.lanes, all);
    return { scope: 'map', stages: board.stages, lanes: board.lanes, layout, cards: placed(layout, all), view: wholeView(layout), curve: layout.columns.length > 0, header: true };
  }
  if (scope.kind === 'stage') {
    const stage = board.stages.find((s) => s.id === scope.stageId);
    if (!stage) return null;
    const mine = all.filter((c) => c.stage === stage.id);
    const layout = computeLayout([stage], board.lanes, mine);
    return { scope: 'stage', stages: [stage], lanes: board.lanes, layout, cards: placed(layout, mine), view: wholeView(layout), curve: true, header: true, stageTitle: stage.title };
  }
  const layout = computeLayout(board.stages, board.lanes, all);
  const chosen = scope.ids.map((id) => board.cards[id]).filter((c): c is CardData => !!c && layout.cards.has(c.id));
  if (chosen.length === 0) return null;
  const rects = chosen.map((c) => layout.cards.get(c.id)!);
  const pad = GEOMETRY.cellPad;
  // Above the cards, room for the badges on their top edge (a vote's dots, an idea's effect reach 16 px up).
  const x0 = Math.max(0, Math.min(...rects.map((r) => r.x)) - pad);
  const y0 = Math.max(0, Math.min(...rects.map((r) => r.y)) - SELECTION_TOP);
  const x1 = Math.min(layout.width, Math.max(...rects.map((r) => r.x + r.w)) + pad);
  const y1 = Math.min(layout.height, Math.max(...rects.map((r) => r.y + r.h)) + pad);
  return {
    scope: 'selection',
    stages: board.stages,
    lanes: board.lanes,
    layout,
    cards: chosen,
    view: { x: x0, y: y0, w: x1 - x0, h: y1 - y0 },
    curve: false,
    header: false,
  };
}

/** Cards with a place in the layout, in a stable drawing order (by position: top to bottom, left to right). */
function placed(layout: BoardLayout, cards: CardData[]): CardData[] {
  return cards
    .filter((c) => layout.cards.has(c.id))
    .sort((a, b) => {
      const ra = layout.cards.get(a.id)!;
      const rb = layout.cards.get(b.id)!;
      return ra.y - rb.y || ra.x - rb.x;
    });
}

/** True when the rectangle `r` overlaps the view (what a cropped export needs to draw). */
export function intersects(r: Rect, view: Rect): boolean {
  return r.x < view.x + view.w && r.x + r.w > view.x && r.y < view.y + view.h && r.y + r.h > view.y;
}

/** Width of the image in CSS px: the view plus the margins (the header and legend wrap to it). */
export function sheetWidth(plan: Pick<SheetPlan, 'view'>): number {
  return Math.ceil(plan.view.w) + SHEET_PAD * 2;
}
