import { describe, expect, it } from 'vitest';
import { computeLayout, GEOMETRY } from '../../../shared/layout';
import { DEFAULT_LANES, DEFAULT_STAGES } from '../../../shared/doc/schema';
import { CURVE_TOP } from '../journey/curve-geometry';
import { chooseFocus, projectorCamera, readableZoom, READABLE_TEXT_PX } from './projector-focus';

const axis = (items: typeof DEFAULT_STAGES) => items.map((s) => ({ id: s.id, title: s.title.en }));
const stages = axis(DEFAULT_STAGES);
const lanes = axis(DEFAULT_LANES);
const cards = Array.from({ length: 30 }, (_, i) => ({
  id: `c${i}`, kind: 'note', text: 'x', stage: stages[i % 6].id, lane: lanes[i % lanes.length].id, order: `a${i}`, color: '#fff', author: '', createdAt: 0,
}));
const layout = computeLayout(stages, lanes, cards);
// A 1280×720 projector: the map area under the title bar, with the two ribbons.
const area = { w: 1280, h: 640, left: 150, top: 70, stageFont: 23 };
const readable = readableZoom(14);
const toScreen = (cam: { x: number; y: number; zoom: number }, x: number, y: number) => ({ x: x * cam.zoom + cam.x, y: y * cam.zoom + cam.y });

describe('the projector camera', () => {
  it('shows the whole journey and the curve inside the area beside and under the ribbons', () => {
    const cam = projectorCamera({ kind: 'journey' }, layout, area, readable);
    const topLeft = toScreen(cam, GEOMETRY.laneHeaderW, -CURVE_TOP);
    const bottomRight = toScreen(cam, layout.width, layout.height);
    expect(topLeft.x).toBeGreaterThanOrEqual(area.left);
    expect(topLeft.y).toBeGreaterThanOrEqual(area.top);
    expect(bottomRight.x).toBeLessThanOrEqual(area.w);
    expect(bottomRight.y).toBeLessThanOrEqual(area.h);
    // Not a thumbnail: one of the two sides is (almost) filled.
    expect(Math.max((bottomRight.x - topLeft.x) / (area.w - area.left), (bottomRight.y - topLeft.y) / (area.h - area.top))).toBeGreaterThan(0.95);
  });

  it('zooms a spotlit stage and a selected card to readable text, centred on them', () => {
    for (const focus of [{ kind: 'stage' as const, id: 'use' }, { kind: 'card' as const, id: 'c3' }]) {
      const cam = projectorCamera(focus, layout, area, readable);
      expect(14 * cam.zoom).toBeGreaterThanOrEqual(READABLE_TEXT_PX);
    }
    const col = layout.columns.find((c) => c.id === 'use')!;
    const cam = projectorCamera({ kind: 'stage', id: 'use' }, layout, area, readable);
    const left = toScreen(cam, col.x, 0).x;
    const right = toScreen(cam, col.x + col.w, 0).x;
    expect(left).toBeGreaterThanOrEqual(area.left);
    expect(right).toBeLessThanOrEqual(area.w);
    const card = layout.cards.get('c3')!;
    const c = toScreen(projectorCamera({ kind: 'card', id: 'c3' }, layout, area, readable), card.x + card.w / 2, card.y + card.h / 2);
    expect(c.x).toBeCloseTo(area.left + (area.w - area.left) / 2);
  });

  it('falls back to the whole journey for a stage or card that is gone', () => {
    const whole = projectorCamera({ kind: 'journey' }, layout, area, readable);
    expect(projectorCamera({ kind: 'stage', id: 'gone' }, layout, area, readable)).toEqual(whole);
    expect(projectorCamera({ kind: 'card', id: 'gone' }, layout, area, readable)).toEqual(whole);
  });

  it('follows the newest of the facilitator’s spotlight, selection and summon', () => {
    const base = { spotlight: 'use', selected: 'c3', summon: { x: 0, y: 0, w: 100, h: 100 } };
    expect(chooseFocus({ ...base, latest: 'spotlight' }, layout)).toEqual({ kind: 'stage', id: 'use' });
    expect(chooseFocus({ ...base, latest: 'selected' }, layout)).toEqual({ kind: 'card', id: 'c3' });
    expect(chooseFocus({ ...base, latest: 'summon' }, layout)).toEqual({ kind: 'view', rect: base.summon });
    expect(chooseFocus({ spotlight: null, selected: null, summon: null, latest: null }, layout)).toEqual({ kind: 'journey' });
    expect(chooseFocus({ spotlight: 'gone', selected: 'c3', summon: null, latest: 'spotlight' }, layout)).toEqual({ kind: 'card', id: 'c3' });
  });
});
