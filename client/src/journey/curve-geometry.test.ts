import { describe, expect, it } from 'vitest';
import { emotionCurve } from '../../../shared/decks/emotion-curve';
import type { CardData } from '../../../shared/doc/schema';
import { boardToScreen, computeLayout, fitCamera } from '../../../shared/layout';
import { CURVE_PAD, CURVE_TOP, curveBox, curveShape, framedLayout, shiftForStrip, valenceY } from './curve-geometry';

const stages = ['awareness', 'consideration', 'purchase', 'use'].map((id) => ({ id, title: id }));
const lanes = ['activities', 'emotions'].map((id) => ({ id, title: id }));
let n = 0;
const emotion = (stage: string, valence: number): CardData => ({
  id: `e${n++}`, kind: 'emotion', text: '', stage, lane: 'emotions', order: `a${n}`, color: '#ffd1dc', author: '', createdAt: 0, valence,
});

describe('the curve strip', () => {
  it('sits above the stage headers, clear of every card', () => {
    const box = curveBox();
    expect(box.top + box.height).toBeLessThan(0);
  });

  it('is framed by a camera fitted to the map plus the strip', () => {
    const layout = computeLayout(stages, lanes, []);
    const framed = framedLayout(layout);
    expect(framed.height).toBe(layout.height + CURVE_TOP);
    const fit = fitCamera(framed, 1000, 700, 24);
    const cam = shiftForStrip(fit);
    // The strip's top lands where the fitted frame's top was; the map's bottom stays inside the view.
    expect(boardToScreen({ x: 0, y: -CURVE_TOP }, cam).y).toBeCloseTo(fit.y);
    expect(boardToScreen({ x: 0, y: layout.height }, cam).y).toBeLessThanOrEqual(700);
  });
});

describe('valenceY', () => {
  const box = { top: 100, height: 128 };
  it('puts +2 at the top, -2 at the bottom, 0 in the middle, inside the padding', () => {
    expect(valenceY(2, box)).toBe(100 + CURVE_PAD);
    expect(valenceY(-2, box)).toBe(228 - CURVE_PAD);
    expect(valenceY(0, box)).toBe(164);
    expect(valenceY(9, box)).toBe(valenceY(2, box));
  });
});

describe('curveShape', () => {
  it('aligns one point per stage with the stage column centres', () => {
    const cards = [emotion('awareness', 1), emotion('consideration', -1)];
    const layout = computeLayout(stages, lanes, cards);
    const shape = curveShape(emotionCurve(stages, cards), layout.columns, curveBox());
    expect(shape.points.map((p) => p.x)).toEqual(layout.columns.map((c) => c.x + c.w / 2));
  });

  it('breaks the line at a stage without emotion cards instead of dropping to zero', () => {
    const cards = [emotion('awareness', 2), emotion('consideration', 1), emotion('use', -2)];
    const layout = computeLayout(stages, lanes, cards);
    const shape = curveShape(emotionCurve(stages, cards), layout.columns, curveBox());
    expect(shape.points[2].y).toBeNull();
    expect(shape.lines).toHaveLength(1); // awareness–consideration; use is a lone dot
    expect(shape.lines[0].match(/[ML]/g)).toEqual(['M', 'L']);
    expect(shape.bands).toHaveLength(2);
  });

  it('draws the band from the lowest to the highest valence around the median', () => {
    const cards = [emotion('awareness', -2), emotion('awareness', 0), emotion('awareness', 2), emotion('consideration', 1)];
    const layout = computeLayout(stages, lanes, cards);
    const box = curveBox();
    const [first] = curveShape(emotionCurve(stages, cards), layout.columns, box).points;
    expect(first.y).toBe(valenceY(0, box));
    expect(first.yMax).toBe(valenceY(2, box));
    expect(first.yMin).toBe(valenceY(-2, box));
  });

  it('has no line at all on a board without emotions', () => {
    const layout = computeLayout(stages, lanes, []);
    const shape = curveShape(emotionCurve(stages, []), layout.columns, curveBox());
    expect(shape.lines).toEqual([]);
    expect(shape.bands).toEqual([]);
  });
});
