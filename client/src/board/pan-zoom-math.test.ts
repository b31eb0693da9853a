import { describe, expect, it } from 'vitest';
import { computeLayout, screenToBoard } from '../../../shared/layout';
import { DEFAULT_LANES, DEFAULT_STAGES } from '../../../shared/doc/schema';
import { clampZoom, initialCamera, pinchCamera, revealCamera, wheelPixels, wheelZoomFactor } from './pan-zoom-math';

const axis = (items: typeof DEFAULT_STAGES) => items.map((s) => ({ id: s.id, title: s.title.en }));
const layout = computeLayout(axis(DEFAULT_STAGES), axis(DEFAULT_LANES), []);

describe('pan and zoom math', () => {
  it('clamps zoom to 10%–400%', () => {
    expect(clampZoom(0.01)).toBe(0.1);
    expect(clampZoom(9)).toBe(4);
  });

  it('zooms in on wheel up and out on wheel down, symmetrically', () => {
    expect(wheelZoomFactor(-100)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100)).toBeLessThan(1);
    expect(wheelZoomFactor(-40) * wheelZoomFactor(40)).toBeCloseTo(1);
    // One mouse notch is a step, not a leap.
    expect(wheelZoomFactor(-100)).toBeGreaterThan(1.1);
    expect(wheelZoomFactor(-100)).toBeLessThan(1.3);
    expect(wheelPixels(3, 1, 800)).toBe(48);
  });

  it('keeps the board point under the fingers while pinching', () => {
    const start = { x: 100, y: 50, zoom: 1 };
    const from: [any, any] = [{ x: 200, y: 200 }, { x: 300, y: 200 }];
    const to: [any, any] = [{ x: 150, y: 220 }, { x: 350, y: 220 }];
    const cam = pinchCamera(start, from, to);
    expect(cam.zoom).toBeCloseTo(2);
    const before = screenToBoard({ x: 250, y: 200 }, start);
    const after = screenToBoard({ x: 250, y: 220 }, cam);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('fits the journey on a laptop and starts readable on a phone', () => {
    const laptop = initialCamera(layout, 1440, 900);
    expect(laptop.zoom).toBeGreaterThan(0.45);
    expect(laptop.zoom * layout.width).toBeLessThanOrEqual(1440);
    const phone = initialCamera(layout, 390, 700);
    expect(phone.zoom).toBeGreaterThan(0.6);
  });

  it('pans only as much as needed to reveal a rectangle', () => {
    const cam = { x: 0, y: 0, zoom: 1 };
    expect(revealCamera(cam, { x: 10, y: 40, w: 100, h: 100 }, 800, 600)).toEqual({ x: 22, y: 0, zoom: 1 });
    expect(revealCamera(cam, { x: 100, y: 100, w: 100, h: 100 }, 800, 600)).toBe(cam);
    const far = revealCamera(cam, { x: 2000, y: 100, w: 100, h: 100 }, 800, 600);
    expect(far.x).toBe(800 - 32 - 2100);
  });
});
