import { describe, expect, it } from 'vitest';
import type { CardData } from '../doc/schema';
import { COLUMN_W, GEOMETRY } from '../layout';
import { CURVE_TOP } from '../journey/curve-geometry';
import { SHEET_PAD, planSheet, sheetWidth } from './sheet-plan';

const stages = ['awareness', 'consideration', 'purchase'].map((id) => ({ id, title: id.toUpperCase() }));
const lanes = ['activities', 'emotions'].map((id) => ({ id, title: id }));
function card(id: string, stage: string, lane: string, order = 'a0'): CardData {
  return { id, kind: 'note', text: id, stage, lane, order, color: '#fff3a3', author: '', createdAt: 0 };
}
const cards = Object.fromEntries(
  [card('a', 'awareness', 'activities'), card('b', 'purchase', 'emotions'), card('c', 'purchase', 'emotions', 'a1'), card('lost', 'gone', 'activities')].map((c) => [c.id, c]),
);
const board = { stages, lanes, cards };

describe('planSheet', () => {
  it('draws the whole map with the curve strip above it, whatever the camera', () => {
    const plan = planSheet(board, { kind: 'map' })!;
    expect(plan.view).toEqual({ x: 0, y: -CURVE_TOP, w: GEOMETRY.laneHeaderW + 3 * COLUMN_W, h: plan.layout.height + CURVE_TOP });
    expect(plan.cards.map((c) => c.id).sort()).toEqual(['a', 'b', 'c', 'lost']);
    expect(plan.layout.unplaced?.ids).toEqual(['lost']);
    expect(plan.curve && plan.header).toBe(true);
    expect(sheetWidth(plan)).toBe(plan.view.w + 2 * SHEET_PAD);
  });

  it('draws one stage as a map of its own, with every lane', () => {
    const plan = planSheet(board, { kind: 'stage', stageId: 'purchase' })!;
    expect(plan.stages.map((s) => s.id)).toEqual(['purchase']);
    expect(plan.lanes).toHaveLength(2);
    expect(plan.cards.map((c) => c.id)).toEqual(['b', 'c']);
    expect(plan.view.w).toBe(GEOMETRY.laneHeaderW + COLUMN_W);
    expect(plan.stageTitle).toBe('PURCHASE');
    expect(planSheet(board, { kind: 'stage', stageId: 'nope' })).toBeNull();
  });

  it('crops a selection to its cards, without header or curve', () => {
    const plan = planSheet(board, { kind: 'selection', ids: ['b', 'c', 'missing'] })!;
    const b = plan.layout.cards.get('b')!;
    expect(plan.cards.map((c) => c.id)).toEqual(['b', 'c']);
    // 18 px above the cards (the badges on their top edge reach 9 px up), the cell’s padding elsewhere.
    expect(plan.view).toEqual({ x: b.x - GEOMETRY.cellPad, y: b.y - 18, w: 2 * GEOMETRY.cardW + GEOMETRY.gap + 2 * GEOMETRY.cellPad, h: GEOMETRY.cardH + GEOMETRY.cellPad + 18 });
    expect(plan.header || plan.curve).toBe(false);
    expect(planSheet(board, { kind: 'selection', ids: [] })).toBeNull();
  });
});
