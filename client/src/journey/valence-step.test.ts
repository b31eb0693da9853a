import { describe, expect, it } from 'vitest';
import { valenceStep } from './valence-step';

describe('valenceStep', () => {
  it('rounds to a face and clamps', () => {
    expect([-3, -1.5, -0.4, 0.5, 1.6, 9].map(valenceStep)).toEqual([-2, -1, 0, 1, 2, 2]);
  });
});
