import { describe, expect, it } from 'vitest';
import { layerTransform } from './pan-zoom-math';
import { cursorTransform } from './cursor-transform';

describe('remote cursor placement', () => {
  it('puts a board point where the board layer draws it (same rounding of the camera)', () => {
    const cam = { x: 10.6, y: -4.4, zoom: 0.5 };
    expect(layerTransform(cam)).toBe('translate3d(11px, -4px, 0) scale(0.5)');
    // 11 + 100 × 0.5 and −4 + 200 × 0.5
    expect(cursorTransform({ x: 100, y: 200 }, cam)).toBe('translate3d(61.0px, 96.0px, 0)');
  });

  it('follows the zoom: the same point moves away from the origin as the map grows', () => {
    expect(cursorTransform({ x: 100, y: 50 }, { x: 0, y: 0, zoom: 2 })).toBe('translate3d(200.0px, 100.0px, 0)');
  });
});
