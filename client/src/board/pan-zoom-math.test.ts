import { describe, expect, it } from 'vitest';
import { computeLayout, screenToBoard } from '../../../shared/layout';
import { DEFAULT_LANES, DEFAULT_STAGES } from '../../../shared/doc/schema';
import { clampZoom, EMPTY_MAP_ZOOM, emptyMapCamera, initialCamera, layerTransform, pinchCamera, revealCamera, stickyOffsets, wheelPixels, wheelZoomFactor } from './pan-zoom-math';

const axis = (items: typeof DEFAULT_STAGES) => items.map((s) => ({ id: s.id, title: s.title.en }));
const layout = computeLayout(axis(DEFAULT_STAGES), axis(DEFAULT_LANES), []);

describe('pan and zoom math', () => {
  it('moves the board layer by whole pixels, as a 3D transform (a compositor layer without will-change)', () => {
    expect(layerTransform({ x: 10.4, y: -3.6, zoom: 0.5 })).toBe('translate3d(10px, -4px, 0) scale(0.5)');
    expect(layerTransform({ x: 12.5, y: 7, zoom: 2 })).toBe('translate3d(13px, 7px, 0) scale(2)');
  });

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

  it('fits the whole journey, width and height, on a laptop and starts readable on a phone', () => {
    for (const [w, h] of [[1440, 900], [1280, 800], [800, 700]]) {
      const cam = initialCamera(layout, w, h, 1280);
      expect(cam.x).toBeGreaterThanOrEqual(0);
      expect(cam.y).toBeGreaterThanOrEqual(0);
      expect(cam.x + cam.zoom * layout.width).toBeLessThanOrEqual(w);
      expect(cam.y + cam.zoom * layout.height).toBeLessThanOrEqual(h);
    }
    // A board much taller than wide is fitted by its height.
    const tall = { ...layout, height: layout.height * 4 };
    const cam = initialCamera(tall, 1440, 900);
    expect(cam.y + cam.zoom * tall.height).toBeLessThanOrEqual(900);
    const phone = initialCamera(layout, 390, 700);
    expect(phone.zoom).toBeGreaterThan(0.6);
  });

  it('opens an empty map at a readable zoom from its left edge; a fit that is large enough stays', () => {
    // The six default stages without notes, fitted to a laptop's map beside the deck panel: 45 %.
    const fit = initialCamera(layout, 1120, 840, 1440);
    expect(fit.zoom).toBeLessThan(0.5);
    const cam = emptyMapCamera(fit, layout, 840);
    expect(cam.zoom).toBe(EMPTY_MAP_ZOOM);
    expect(cam.x).toBe(24);
    expect(cam.y).toBeGreaterThanOrEqual(24);
    expect(cam.y + layout.height * cam.zoom).toBeLessThanOrEqual(840);
    const big = { zoom: 0.9, x: 5, y: 6 };
    expect(emptyMapCamera(big, layout, 840)).toBe(big);
  });

  it('keeps the headers in view when the map is panned past them, and never past the map', () => {
    const size = { width: 2000, height: 1000, headerH: 56, rows: [{ id: 'a', y: 56, h: 144 }, { id: 'tall', y: 200, h: 800 }] };
    expect(stickyOffsets({ x: 100, y: 50, zoom: 1 }, 800, 600, size)).toEqual({ dx: 0, dy: 0, lanes: [0, 0] });
    expect(stickyOffsets({ x: -300, y: -200, zoom: 2 }, 800, 600, size)).toEqual({ dx: 150, dy: 100, lanes: [100, 0] });
    const far = stickyOffsets({ x: -10_000, y: -10_000, zoom: 1 }, 800, 600, size);
    expect(far.dx).toBeLessThan(size.width);
    expect(far.dy).toBeLessThan(size.height);
  });

  it("moves a lane's name down to the top of the part of its lane in view, under the stage headers", () => {
    const size = { width: 2000, height: 3000, headerH: 56, rows: [{ id: 'a', y: 56, h: 144 }, { id: 'tall', y: 200, h: 2800 }] };
    // Panned 1,000 board units down: the stage headers cover 1,000–1,056, the tall lane shows from 1,056.
    const { dy, lanes } = stickyOffsets({ x: 0, y: -1000, zoom: 1 }, 800, 600, size);
    expect(dy).toBe(1000);
    expect(lanes[1]).toBe(1056 - 200);
    // The lane above is out of view: its name goes past its end, which the CSS clamps to the lane.
    expect(lanes[0]).toBeGreaterThan(144);
  });

  it('pans only as much as needed to reveal a rectangle', () => {
    const cam = { x: 0, y: 0, zoom: 1 };
    expect(revealCamera(cam, { x: 10, y: 40, w: 100, h: 100 }, 800, 600)).toEqual({ x: 22, y: 0, zoom: 1 });
    expect(revealCamera(cam, { x: 100, y: 100, w: 100, h: 100 }, 800, 600)).toBe(cam);
    const far = revealCamera(cam, { x: 2000, y: 100, w: 100, h: 100 }, 800, 600);
    expect(far.x).toBe(800 - 32 - 2100);
  });
});
