import { describe, expect, it } from 'vitest';
import { cellName } from './cell-name';

const axes = { stages: [{ id: 'use', title: 'Use' }], lanes: [{ id: 'goals', title: 'Goals' }] };

describe('cellName', () => {
  it('names a cell by its titles', () => {
    expect(cellName(axes, { stage: 'use', lane: 'goals' })).toBe('Use · Goals');
  });
  it('names a removed stage or lane by the title the card kept, never by its id', () => {
    expect(cellName(axes, { stage: 'retention', lane: 'goals', wasIn: { stage: 'Retention', lane: 'Goals' } })).toBe('Retention · Goals');
    expect(cellName(axes, { stage: 'use', lane: 'x7Yq', wasIn: { stage: 'Use', lane: 'Ideas' } })).toBe('Use · Ideas');
  });
});
