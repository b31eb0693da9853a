import { describe, expect, it } from 'vitest';
import { emotion, idea, lanesIn, moment, note, stagesIn } from '../test-support/insight-board';
import { truthGap } from './truth-gap';

const stages = stagesIn('en');
const lanes = lanesIn('en');

describe('truthGap: worked example', () => {
  // Consideration +2, +1; Purchase +1, 0, +2 → promise median of (2, 1, 1, 0, 2) = 1.
  // Use −2, −1, +1 → experience median −1. Gap −1 − 1 = −2: flagged.
  const cards = [
    emotion('awareness', -2, 'Confused', 'aw'), // not a side: Awareness is not two stages before Use
    emotion('consideration', 2, 'Enthusiasm', 'co1'),
    emotion('consideration', 1, 'Curiosity', 'co2'),
    emotion('purchase', 1, 'Trust', 'pu1'),
    emotion('purchase', 0, 'Calm', 'pu2'),
    emotion('purchase', 2, 'Joy', 'pu3'),
    emotion('use', -2, 'Frustration', 'us1'),
    emotion('use', -1, 'Doubt', 'us2'),
    emotion('use', 1, 'Relief', 'us3'),
    moment('truth', 'use', 'mot'),
    idea('use', 'Call every customer on day one', 'i1'),
    idea('use', 'A printed quick-start guide', 'i2'),
    idea('use', 'Video tutorial', 'i3'),
    idea('purchase', 'Clearer prices', 'i4'), // another stage: not at the Moment of Truth
    note('use', 'ideas', '   ', 'blank'), // says nothing: not an idea
  ];
  const r = truthGap({ stages, lanes, cards });

  it('takes the promise from Consideration and Purchase and the experience from Use', () => {
    expect(r.status).toBe('ok');
    expect(r.markerId).toBe('mot');
    expect(r.promise.stages.map((s) => s.id)).toEqual(['consideration', 'purchase']);
    expect(r.experience.stages.map((s) => s.id)).toEqual(['use']);
    expect(r.promise.cardIds).toEqual(['co1', 'co2', 'pu1', 'pu2', 'pu3']);
    expect(r.promise.median).toBe(1);
    expect(r.experience.median).toBe(-1);
    expect(r.gap).toBe(-2);
    expect(r.flagged).toBe(true);
  });

  it('names the cards that pull the gap down most: low experience first, then high promise', () => {
    // Frustration −2 is 3 below the promise (1); Doubt −1 is 2 below; Enthusiasm +2 and Joy +2 are 3
    // above the experience (−1), tied with Frustration: the experience comes first on a tie.
    expect(r.pullingDown.map((p) => [p.cardId, p.pull])).toEqual([
      ['us1', -3],
      ['co1', -3],
      ['pu3', -3],
    ]);
  });

  it('counts the ideas at the Moment of Truth: 3 of 5', () => {
    expect(r.ideas).toEqual({ stageId: 'use', cardIds: ['i1', 'i2', 'i3'], count: 3, target: 5 });
  });
});

describe('truthGap: edge cases', () => {
  it('no emotions: no gap, nothing flagged, the ideas still counted', () => {
    const r = truthGap({ stages, lanes, cards: [idea('use', 'x')] });
    expect(r).toMatchObject({ status: 'no-promise', gap: null, flagged: false, pullingDown: [], markerId: null });
    expect(r.ideas.count).toBe(1);
    expect(r.promise.median).toBeNull();
  });

  it('emotions only before: no experience yet', () => {
    const r = truthGap({ stages, lanes, cards: [emotion('purchase', 1)] });
    expect(r.status).toBe('no-experience');
    expect(r.gap).toBeNull();
  });

  it('a gap of exactly −1 is flagged, −0.5 is not', () => {
    expect(truthGap({ stages, lanes, cards: [emotion('purchase', 1), emotion('use', 0)] })).toMatchObject({ gap: -1, flagged: true });
    const half = truthGap({ stages, lanes, cards: [emotion('purchase', 1), emotion('purchase', 0), emotion('use', 0)] });
    expect(half).toMatchObject({ gap: -0.5, flagged: false });
  });

  it('one stage: no passage', () => {
    const r = truthGap({ stages: [{ id: 'use', title: 'Use' }], lanes, cards: [emotion('use', -2)] });
    expect(r.status).toBe('no-passage');
    expect(r.ideas.stageId).toBeNull();
  });

  it('renamed stages keep their role (by id), and the titles come along', () => {
    const renamed = stages.map((s) => (s.id === 'use' ? { ...s, title: 'First week' } : s.id === 'purchase' ? { ...s, title: 'Checkout' } : s));
    const r = truthGap({ stages: renamed, lanes, cards: [emotion('purchase', 2), emotion('use', 0)] });
    expect(r.promise.stages.map((s) => s.title)).toEqual(['Consideration', 'Checkout']);
    expect(r.experience.stages[0].title).toBe('First week');
    expect(r.gap).toBe(-2);
  });

  it('an extra stage between Purchase and Use: without a marker the experience is Use, the promise the two stages before', () => {
    const extra = [...stages.slice(0, 3), { id: 'x1', title: 'Delivery' }, ...stages.slice(3)];
    const r = truthGap({ stages: extra, lanes, cards: [emotion('consideration', 2), emotion('purchase', 1), emotion('x1', 0), emotion('use', -1)] });
    expect(r.promise.stages.map((s) => s.id)).toEqual(['purchase', 'x1']);
    expect(r.promise.median).toBe(0.5);
    expect(r.gap).toBe(-1.5);
  });

  it('follows the marker: one placed in Purchase means the passage after it', () => {
    const r = truthGap({ stages, lanes, cards: [moment('truth', 'purchase', 'm'), emotion('consideration', 2), emotion('purchase', 2), emotion('use', 2), idea('purchase', 'p')] });
    expect(r.experience.stages[0].id).toBe('use');
    expect(r.ideas.stageId).toBe('purchase');
    expect(r.gap).toBe(0);
  });

  it('follows the marker moved to Retention, and uses the first of two markers', () => {
    const r = truthGap({ stages, lanes, cards: [moment('truth', 'advocacy', 'late'), moment('truth', 'retention', 'first'), emotion('use', 1), emotion('retention', -1)] });
    expect(r.markerId).toBe('first');
    expect(r.promise.stages.map((s) => s.id)).toEqual(['purchase', 'use']);
    expect(r.experience.stages.map((s) => s.id)).toEqual(['retention']);
    expect(r.gap).toBe(-2);
  });

  it('a stage added with a default title counts as that stage (Italian board)', () => {
    const it = [{ id: 'a', title: 'Considerazione' }, { id: 'b', title: 'Acquisto' }, { id: 'c', title: 'utilizzo' }];
    const r = truthGap({ stages: it, lanes: lanesIn('it'), cards: [emotion('a', 1), emotion('c', -1)] });
    expect(r.experience.stages[0].id).toBe('c');
    expect(r.gap).toBe(-2);
  });

  it('ignores cards not on the map (removed lane) and clamps valences', () => {
    const r = truthGap({ stages, lanes, cards: [emotion('purchase', 9), { ...emotion('use', -2), lane: 'gone' }, emotion('use', 0)] });
    expect(r.promise.median).toBe(2);
    expect(r.experience.cardIds).toHaveLength(1);
  });
});
