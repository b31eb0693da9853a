import { describe, expect, it } from 'vitest';
import { resultsRoom } from './results-room';

describe('resultsRoom', () => {
  it('keeps room for revealed results beside the map, none before the reveal or on a phone', () => {
    expect(resultsRoom(1440, false)).toBe(0);
    expect(resultsRoom(1440, true)).toBe(372);
    expect(resultsRoom(390, true)).toBe(0);
    // The projector's panel is a fifth of its screen, within 220–400 px.
    expect(resultsRoom(1280, true, true)).toBeCloseTo(1280 * 0.19 + 24);
    expect(resultsRoom(800, true, true)).toBe(244);
    expect(resultsRoom(3840, true, true)).toBe(424);
  });
});
