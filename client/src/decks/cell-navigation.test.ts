import { describe, expect, it } from 'vitest';
import type { CardData } from '../../../shared/doc/schema';
import { boardToScreen, computeLayout, GEOMETRY, type Camera } from '../../../shared/layout';
import { appendSlot, startCell, stepCell } from './cell-navigation';
import { dropAtClientPoint, eventClientPoint } from './drop-point';

const stages = ['awareness', 'consideration', 'purchase'].map((id) => ({ id, title: id }));
const lanes = ['activities', 'emotions'].map((id) => ({ id, title: id }));
const card = (id: string, stage: string, lane: string, order: string): CardData => ({
  id, kind: 'note', text: id, stage, lane, order, color: '#fff3a3', author: '', createdAt: 0,
});
const layout = computeLayout(stages, lanes, [card('a', 'purchase', 'emotions', 'a0'), card('b', 'purchase', 'emotions', 'a1'), card('c', 'purchase', 'emotions', 'a2')]);

describe('keyboard cell navigation', () => {
  it('starts at the suggested cell, else at the first stage or lane', () => {
    expect(startCell(layout, { stage: 'purchase', lane: 'emotions' })).toEqual({ stage: 'purchase', lane: 'emotions' });
    expect(startCell(layout, { lane: 'emotions' })).toEqual({ stage: 'awareness', lane: 'emotions' });
    expect(startCell(layout, { stage: 'gone', lane: 'gone' })).toEqual({ stage: 'awareness', lane: 'activities' });
    expect(startCell(computeLayout([], lanes, []))).toBeNull();
  });

  it('moves one cell per arrow and stops at the edges', () => {
    let cell = startCell(layout);
    cell = stepCell(layout, cell, 'ArrowRight');
    cell = stepCell(layout, cell, 'ArrowRight');
    expect(cell).toEqual({ stage: 'purchase', lane: 'activities' });
    cell = stepCell(layout, cell, 'ArrowRight');
    expect(cell).toEqual({ stage: 'purchase', lane: 'activities' });
    cell = stepCell(layout, cell, 'ArrowDown');
    cell = stepCell(layout, cell, 'ArrowDown');
    expect(cell).toEqual({ stage: 'purchase', lane: 'emotions' });
    cell = stepCell(layout, cell, 'ArrowLeft');
    cell = stepCell(layout, cell, 'ArrowUp');
    expect(cell).toEqual({ stage: 'consideration', lane: 'activities' });
  });

  it('recovers when the cell it was over disappears (a stage removed mid-drag)', () => {
    expect(stepCell(layout, { stage: 'gone', lane: 'emotions' }, 'ArrowLeft')).toEqual({ stage: 'awareness', lane: 'activities' });
  });

  it('shows the card in the first free slot, which drops at the end of the cell at any zoom', () => {
    const slot = appendSlot(layout, { stage: 'purchase', lane: 'emotions' })!;
    expect(slot.w).toBe(GEOMETRY.cardW);
    for (const zoom of [0.5, 1, 2]) {
      const camera: Camera = { x: 40, y: -30, zoom };
      const viewport = { left: 300, top: 64, width: 4000, height: 4000 };
      const center = boardToScreen({ x: slot.x + slot.w / 2, y: slot.y + slot.h / 2 }, camera);
      const target = dropAtClientPoint(layout, camera, viewport, { x: center.x + viewport.left, y: center.y + viewport.top });
      expect(target).toEqual({ stage: 'purchase', lane: 'emotions' });
    }
    // Without the moving card, the free slot is one earlier.
    expect(appendSlot(layout, { stage: 'purchase', lane: 'emotions' }, 'c')!.x).toBeLessThan(slot.x);
  });
});

describe('drop point', () => {
  const camera: Camera = { x: 10, y: 20, zoom: 2 };
  const viewport = { left: 100, top: 50, width: 800, height: 600 };

  it('finds the cell under the pointer at 200% zoom and before which card', () => {
    const firstCard = layout.cards.get('a')!;
    const cam = { ...camera, x: -1600 }; // Purchase scrolled into the 800 px wide view
    const p = boardToScreen({ x: firstCard.x + 5, y: firstCard.y + 5 }, cam);
    expect(p.x).toBeGreaterThan(0);
    expect(p.x).toBeLessThan(800);
    expect(dropAtClientPoint(layout, cam, viewport, { x: p.x + 100, y: p.y + 50 })).toEqual({ stage: 'purchase', lane: 'emotions', beforeId: 'a' });
  });

  it('finds the same cell at 50% zoom', () => {
    const cam = { ...camera, zoom: 0.5 };
    const rect = layout.columns[1];
    const row = layout.rows[0];
    const p = boardToScreen({ x: rect.x + rect.w / 2, y: row.y + row.h / 2 }, cam);
    expect(dropAtClientPoint(layout, cam, viewport, { x: p.x + 100, y: p.y + 50 })).toEqual({ stage: 'consideration', lane: 'activities' });
  });

  it('drops nothing outside the visible map, even above a cell hidden behind the panel', () => {
    expect(dropAtClientPoint(layout, { x: 0, y: 0, zoom: 1 }, viewport, { x: 950, y: 100 })).toBeNull();
    expect(dropAtClientPoint(layout, { x: 0, y: 0, zoom: 1 }, viewport, { x: 101, y: 51 })).toBeNull(); // the lane header corner
  });

  it('reads mouse and touch coordinates, and none from a key press', () => {
    expect(eventClientPoint({ clientX: 10, clientY: 20 } as unknown as Event)).toEqual({ x: 10, y: 20 });
    expect(eventClientPoint({ touches: [{ clientX: 1, clientY: 2 }] } as unknown as Event)).toEqual({ x: 1, y: 2 });
    expect(eventClientPoint({ key: 'Enter' } as unknown as Event)).toBeNull();
  });
});
