import { describe, expect, it } from 'vitest';
import { numberProblem } from './number-check';

describe('numberProblem', () => {
  it('names what is wrong with a typed number, so the field can say it', () => {
    expect(numberProblem('5', 1, 240)).toBeNull();
    expect(numberProblem(' 240 ', 1, 240)).toBeNull();
    expect(numberProblem('0', 0, 240)).toBeNull();
    expect(numberProblem('', 1, 240)).toBe('empty');
    expect(numberProblem('abc', 1, 240)).toBe('not-number');
    expect(numberProblem('2.5', 1, 240)).toBe('not-whole');
    expect(numberProblem('0', 1, 240)).toBe('too-small');
    expect(numberProblem('-3', 0, 240)).toBe('too-small');
    expect(numberProblem('241', 1, 240)).toBe('too-large');
    expect(numberProblem('21', 1, 20)).toBe('too-large');
  });
});
