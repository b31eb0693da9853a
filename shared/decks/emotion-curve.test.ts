import { describe, expect, it } from 'vitest';
import { curveTextAlternative, emotionCurve, formatValence } from './emotion-curve';

const stages = [
  { id: 'awareness', title: 'Awareness' },
  { id: 'consideration', title: 'Consideration' },
  { id: 'purchase', title: 'Purchase' },
];
const emotion = (stage: string, valence: unknown) => ({ kind: 'emotion', stage, valence });

describe('emotionCurve', () => {
  it('takes the median of an odd count, with min and max', () => {
    const [p] = emotionCurve(stages, [emotion('awareness', 2), emotion('awareness', -1), emotion('awareness', 1)]);
    expect(p).toEqual({ stageId: 'awareness', title: 'Awareness', count: 3, median: 1, min: -1, max: 2 });
  });

  it('takes the mean of the two middle values for an even count', () => {
    const cards = [emotion('purchase', -2), emotion('purchase', 2), emotion('purchase', 1), emotion('purchase', -1)];
    expect(emotionCurve(stages, cards)[2]).toMatchObject({ count: 4, median: 0, min: -2, max: 2 });
    expect(emotionCurve(stages, [emotion('purchase', 1), emotion('purchase', 2)])[2].median).toBe(1.5);
  });

  it('leaves a gap (nulls, never zero) for a stage without emotions', () => {
    const points = emotionCurve(stages, [emotion('awareness', 1), { kind: 'note', stage: 'consideration', valence: 2 }]);
    expect(points[1]).toEqual({ stageId: 'consideration', title: 'Consideration', count: 0, median: null, min: null, max: null });
    expect(points[2].median).toBeNull();
  });

  it('follows custom stages, in their order and with their titles', () => {
    const custom = [{ id: 'x9', title: 'Onboarding' }, { id: 'awareness', title: 'Scoperta' }];
    const points = emotionCurve(custom, [emotion('awareness', -1), emotion('x9', 2)]);
    expect(points.map((p) => [p.stageId, p.title, p.median])).toEqual([['x9', 'Onboarding', 2], ['awareness', 'Scoperta', -1]]);
  });

  it('ignores unknown or non-numeric valences and clamps the rest', () => {
    const cards = [
      emotion('awareness', undefined),
      emotion('awareness', '2'),
      emotion('awareness', Number.NaN),
      emotion('awareness', Number.POSITIVE_INFINITY),
      emotion('awareness', null),
      emotion('awareness', 7),
      emotion('awareness', -9),
      emotion('awareness', -9),
    ];
    expect(emotionCurve(stages, cards)[0]).toMatchObject({ count: 3, median: -2, min: -2, max: 2 });
  });

  it('ignores cards of removed stages', () => {
    const points = emotionCurve(stages, [emotion('advocacy', 2), emotion('', 2), emotion('awareness', -1)]);
    expect(points.map((p) => p.count)).toEqual([1, 0, 0]);
  });
});

describe('curveTextAlternative', () => {
  it('reads the medians with signs, and gaps with the given words', () => {
    const points = emotionCurve(stages, [emotion('awareness', 1), emotion('purchase', -1), emotion('purchase', 0)]);
    expect(curveTextAlternative(points, { noData: 'no data' })).toBe('Awareness: +1; Consideration: no data; Purchase: -0.5');
    expect(curveTextAlternative(points, { noData: 'nessun dato', decimalSeparator: ',' })).toBe(
      'Awareness: +1; Consideration: nessun dato; Purchase: -0,5',
    );
  });

  it('formats valences', () => {
    expect([2, 0, -0, 0.5, -1.25, 1 / 3].map((v) => formatValence(v))).toEqual(['+2', '0', '0', '+0.5', '-1.25', '+0.33']);
  });
});
