import { describe, expect, it } from 'vitest';
import { computeLayout, dropTarget, GEOMETRY } from '../../../shared/layout';
import type { CardData } from '../../../shared/doc/schema';
import { isSamePlace, stepCell } from './drag-math';

const stages = [{ id: 'a', title: '' }, { id: 'b', title: '' }];
const lanes = [{ id: 'x', title: '' }, { id: 'y', title: '' }];
const card = (id: string, stage: string, lane: string, order: string): CardData => ({ id, kind: 'note', text: '', stage, lane, order, color: '#ffffff', author: '', createdAt: 0 });
const cards = [card('c1', 'a', 'x', 'a0'), card('c2', 'a', 'x', 'a1'), card('c3', 'a', 'x', 'a2'), card('z', 'gone', 'x', 'a0')];
const layout = computeLayout(stages, lanes, cards);
const centerOf = (id: string) => {
  const r = layout.cards.get(id)!;
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
};

describe('stepCell', () => {
  it('moves one cell in each direction and stops at the edges', () => {
    const p = centerOf('c1');
    const right = stepCell(layout, p, 'right')!;
    expect(dropTarget(layout, right)).toMatchObject({ stage: 'b', lane: 'x' });
    const down = stepCell(layout, p, 'down')!;
    expect(dropTarget(layout, down)).toMatchObject({ stage: 'a', lane: 'y' });
    expect(stepCell(layout, p, 'left')).toBeNull();
    expect(stepCell(layout, p, 'up')).toBeNull();
  });

  it('keeps the point inside a shorter row', () => {
    // c3 sits on the second card row of a tall cell; lane y has one row only.
    const p = centerOf('c3');
    const down = stepCell(layout, p, 'down')!;
    const row = layout.rows[1];
    expect(down.y).toBeLessThan(row.y + row.h);
    expect(down.y - row.y).toBe(row.h - GEOMETRY.cardH / 2);
  });

  it('enters the grid from the unplaced strip', () => {
    const p = centerOf('z');
    const next = stepCell(layout, p, 'up')!;
    expect(dropTarget(layout, next, 'z')).toMatchObject({ lane: 'y' });
  });
});

describe('isSamePlace', () => {
  it('recognises a drop that changes nothing', () => {
    expect(isSamePlace(layout, 'c1', { stage: 'a', lane: 'x', beforeId: 'c2' })).toBe(true);
    expect(isSamePlace(layout, 'c3', { stage: 'a', lane: 'x' })).toBe(true);
    expect(isSamePlace(layout, 'c1', { stage: 'a', lane: 'x' })).toBe(false);
    expect(isSamePlace(layout, 'c1', { stage: 'b', lane: 'x' })).toBe(false);
  });
});
