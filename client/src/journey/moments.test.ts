import { describe, expect, it } from 'vitest';
import type { CardData } from '../../../shared/doc/schema';
import { mappedCount, momentOf, momentsOnBoard } from './moments';

const stages = [
  { id: 'consideration', title: 'Consideration' },
  { id: 'purchase', title: 'Purchase' },
  { id: 'use', title: 'Use' },
];
const lanes = [{ id: 'activities', title: 'Activities' }];
let n = 0;
const card = (patch: Partial<CardData>): CardData => ({
  id: `c${n++}`, kind: 'note', text: '', stage: 'purchase', lane: 'activities', order: 'a0', color: '#e3d4ff', author: '', createdAt: 0, ...patch,
});

describe('momentOf', () => {
  it('recognises moment cards only with a known moment', () => {
    expect(momentOf(card({ kind: 'moment', moment: 'truth' }))).toBe('truth');
    expect(momentOf(card({ kind: 'moment', moment: 'zero' }))).toBeNull();
    expect(momentOf(card({ kind: 'moment' }))).toBeNull();
    expect(momentOf(card({ kind: 'note', moment: 'truth' }))).toBeNull();
  });
});

describe('momentsOnBoard', () => {
  it('reports all three missing on an empty board', () => {
    const p = momentsOnBoard(stages, lanes, []);
    expect(p.map((m) => [m.moment, m.stages])).toEqual([['trigger', []], ['truth', []], ['medal', []]]);
    expect(mappedCount(p)).toBe(0);
  });

  it('lists the stages of each mapped moment once, in stage order', () => {
    const p = momentsOnBoard(stages, lanes, [
      card({ kind: 'moment', moment: 'truth', stage: 'use' }),
      card({ kind: 'moment', moment: 'truth', stage: 'purchase' }),
      card({ kind: 'moment', moment: 'truth', stage: 'use' }),
      card({ kind: 'moment', moment: 'trigger', stage: 'purchase' }),
    ]);
    expect(p.map((m) => [m.moment, m.stages.map((s) => s.id)])).toEqual([
      ['trigger', ['purchase']],
      ['truth', ['purchase', 'use']],
      ['medal', []],
    ]);
    expect(mappedCount(p)).toBe(2);
  });

  it('does not count moments off the map (removed stage or lane) or plain notes that mention one', () => {
    const p = momentsOnBoard(stages, lanes, [
      card({ kind: 'moment', moment: 'medal', stage: 'advocacy' }),
      card({ kind: 'moment', moment: 'trigger', lane: 'removed-lane' }),
      card({ kind: 'note', text: 'Medal moment' }),
    ]);
    expect(mappedCount(p)).toBe(0);
  });
});
