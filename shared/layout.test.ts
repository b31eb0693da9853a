import { describe, expect, it } from 'vitest';
import type { CardData } from './doc/schema';
import { DEFAULT_LANES, DEFAULT_STAGES } from './doc/schema';
import { COLUMN_W, GEOMETRY, LANE_TITLE, STAGE_TITLE, laneHeaderHeight, stageHeaderHeight, boardToScreen, cellAt, computeLayout, dropTarget, fitCamera, journeyBounds, laneRect, screenToBoard, slotRect, stageRect, zoomAt } from './layout';

const stages = DEFAULT_STAGES.map((s) => ({ id: s.id, title: s.title.en }));
const lanes = DEFAULT_LANES.map((l) => ({ id: l.id, title: l.title.en }));
const card = (id: string, stage: string, lane: string, order: string): CardData => ({
  id, stage, lane, order, kind: 'note', text: id, color: '#fff3a3', author: '', createdAt: 0,
});

describe('layout', () => {
  it('places cards of a cell in order, without overlap, and grows the lane', () => {
    const cards = ['a1', 'a0', 'a3', 'a2', 'a4'].map((o, i) => card(`c${i}`, 'use', 'goals', o));
    const l = computeLayout(stages, lanes, cards);
    expect(l.cells.get('use\u0000goals')).toEqual(['c1', 'c0', 'c3', 'c2', 'c4']);
    const rects = [...l.cards.values()];
    for (const a of rects)
      for (const b of rects)
        if (a !== b) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
    const goals = l.rows.find((r) => r.id === 'goals')!;
    const activities = l.rows.find((r) => r.id === 'activities')!;
    expect(goals.h).toBeGreaterThan(activities.h);
    expect(l.width).toBe(GEOMETRY.laneHeaderW + 6 * COLUMN_W);
  });

  it('keeps cards of missing stages or lanes in the unplaced strip', () => {
    const l = computeLayout(stages, lanes, [card('x', 'gone', 'goals', 'a0'), card('y', 'use', 'goals', 'a0')]);
    expect(l.unplaced?.ids).toEqual(['x']);
    expect(l.cards.get('x')!.y).toBeGreaterThanOrEqual(l.unplaced!.rect.y);
    expect(l.height).toBe(l.unplaced!.rect.y + l.unplaced!.rect.h);
  });

  it('converts between screen and board points at any zoom', () => {
    for (const zoom of [0.5, 1, 2]) {
      const cam = { x: 40, y: -30, zoom };
      const p = { x: 123, y: 456 };
      const back = boardToScreen(screenToBoard(p, cam), cam);
      expect(back.x).toBeCloseTo(p.x);
      expect(back.y).toBeCloseTo(p.y);
    }
    expect(screenToBoard({ x: 140, y: 70 }, { x: 40, y: -30, zoom: 2 })).toEqual({ x: 50, y: 50 });
  });

  it('finds the cell and the insertion point under a board point', () => {
    const cards = ['a0', 'a1', 'a2'].map((o, i) => card(`c${i}`, 'purchase', 'emotions', o));
    const l = computeLayout(stages, lanes, cards);
    const c1 = l.cards.get('c1')!;
    expect(cellAt(l, { x: c1.x + 5, y: c1.y + 5 })).toEqual({ stage: 'purchase', lane: 'emotions' });
    expect(dropTarget(l, { x: c1.x + 5, y: c1.y + 5 })).toEqual({ stage: 'purchase', lane: 'emotions', beforeId: 'c1' });
    expect(dropTarget(l, { x: c1.x + c1.w - 5, y: c1.y + 5 })).toEqual({ stage: 'purchase', lane: 'emotions', beforeId: 'c2' });
    const c2 = l.cards.get('c2')!;
    expect(dropTarget(l, { x: c2.x + c2.w - 5, y: c2.y + 5 })).toEqual({ stage: 'purchase', lane: 'emotions' });
    expect(cellAt(l, { x: 5, y: 5 })).toBeNull();
  });

  it('fits the board in a viewport and zooms around a point', () => {
    const l = computeLayout(stages, lanes, []);
    const cam = fitCamera(l, 1000, 600);
    expect(l.width * cam.zoom).toBeLessThanOrEqual(1000);
    expect(l.height * cam.zoom).toBeLessThanOrEqual(600);
    const z = zoomAt({ x: 0, y: 0, zoom: 1 }, { x: 200, y: 100 }, 2);
    expect(screenToBoard({ x: 200, y: 100 }, z)).toEqual({ x: 200, y: 100 });
    expect(zoomAt(z, { x: 0, y: 0 }, 100).zoom).toBe(4);
  });

  it('grows a card with its text, its card row with the card, and its lane with the cell', () => {
    const long = 'A note with many words that wrap over several lines of the card. '.repeat(4);
    const cards = [card('a', 'use', 'goals', 'a0'), { ...card('b', 'use', 'goals', 'a1'), text: long }, card('c', 'use', 'goals', 'a2')];
    const l = computeLayout(stages, lanes, cards);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => l.cards.get(id)!);
    expect(a.h).toBe(GEOMETRY.cardH);
    expect(b.h).toBeGreaterThan(GEOMETRY.cardH + 60);
    // The second card row starts below the tallest card of the first.
    expect(c.y).toBe(b.y + b.h + GEOMETRY.gap);
    const goals = l.rows.find((r) => r.id === 'goals')!;
    expect(goals.h).toBe(GEOMETRY.cellPad * 2 + b.h + GEOMETRY.gap + c.h);
    expect(goals.y + goals.h).toBeGreaterThanOrEqual(c.y + c.h + GEOMETRY.cellPad);
    // A card dropped on the lower half of the tall card goes before it, below it before "c".
    expect(dropTarget(l, { x: b.x + 10, y: b.y + b.h - 5 })).toEqual({ stage: 'use', lane: 'goals', beforeId: 'b' });
    expect(dropTarget(l, { x: c.x + 10, y: c.y + 5 })).toEqual({ stage: 'use', lane: 'goals', beforeId: 'c' });
    expect(dropTarget(l, { x: b.x + 10, y: c.y + 5 })).toEqual({ stage: 'use', lane: 'goals' });
    // A new card lands after "c", in the second card row.
    expect(slotRect(l, { stage: 'use', lane: 'goals' }, 3)).toMatchObject({ x: b.x, y: c.y });
  });

  it('gives the journey’s size and each stage’s and lane’s rectangle', () => {
    const l = computeLayout(stages, lanes, [card('a', 'use', 'goals', 'a0')]);
    expect(journeyBounds(l)).toEqual({ x: 0, y: 0, w: l.width, h: l.height });
    const use = stageRect(l, 'use')!;
    expect(use).toMatchObject({ y: 0, w: COLUMN_W });
    expect(use.h).toBe(l.height);
    expect(laneRect(l, 'goals')).toEqual({ x: 0, y: l.rows[1].y, w: l.width, h: l.rows[1].h });
    expect(stageRect(l, 'nope')).toBeNull();
  });

  it('grows a lane to show its whole title', () => {
    const long = 'Canali, punti di contatto e tutte le persone che il cliente incontra lungo il percorso di acquisto';
    const l = computeLayout(stages, [{ id: 'a', title: 'Goals' }, { id: 'b', title: long }], []);
    expect(l.rows[0].h).toBe(GEOMETRY.cellPad * 2 + GEOMETRY.cardH);
    expect(l.rows[1].h).toBe(laneHeaderHeight(long));
    expect(l.rows[1].h).toBeGreaterThanOrEqual(5 * LANE_TITLE.lineHeight);
  });

  it('keeps the stage row at its usual height for names of one or two lines, and grows it for longer ones', () => {
    const usual = computeLayout(DEFAULT_STAGES.map((s) => ({ id: s.id, title: s.title.it })), lanes, []);
    expect(usual.headerH).toBe(GEOMETRY.stageHeaderH);
    expect(usual.rows[0].y).toBe(GEOMETRY.stageHeaderH);
    const long = 'Considerazione, confronto con gli altri fornitori, richiesta di preventivi e prime domande al commerciale';
    const l = computeLayout([{ id: 'a', title: 'Uso' }, { id: 'b', title: long }], lanes, []);
    expect(l.headerH).toBe(stageHeaderHeight([{ id: 'b', title: long }]));
    expect(l.headerH).toBeGreaterThanOrEqual(GEOMETRY.stageHeaderH + 2 * STAGE_TITLE.lineHeight);
    expect(l.rows[0].y).toBe(l.headerH);
  });

  it('keeps room on an unplaced card for every line of where it was', () => {
    const short = { ...card('x', 'gone', 'goals', 'a0'), wasIn: { stage: 'Old', lane: 'Goals' } };
    const long = { ...card('y', 'gone2', 'gone3', 'a1'), wasIn: { stage: 'A stage with a very long name indeed', lane: 'And a lane whose title goes on and on' } };
    const l = computeLayout(stages, lanes, [short, long]);
    const [a, b] = [l.cards.get('x')!, l.cards.get('y')!];
    expect(a.h).toBeGreaterThan(GEOMETRY.cardH);
    expect(b.h).toBeGreaterThan(a.h);
    expect(l.unplaced!.rect.h).toBeGreaterThanOrEqual(b.h + 2 * GEOMETRY.cellPad);
  });
});
