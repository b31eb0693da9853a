import { describe, expect, it } from 'vitest';
import { cameraForRect, clipToBoard, isFreshSummon, visibleRect } from './follow-math';

describe('following a view', () => {
  it('a followed rectangle round-trips through the camera', () => {
    const cam = { x: -300, y: -120, zoom: 1.5 };
    const rect = visibleRect(cam, 1200, 600);
    expect(rect).toEqual({ x: 200, y: 80, w: 800, h: 400 });
    expect(cameraForRect(rect, 1200, 600)).toEqual(cam);
  });

  it('a screen of another shape shows all of the rectangle, centred', () => {
    // A laptop's 800 × 400 board units on a 1920 × 1080 projector: the width decides.
    const cam = cameraForRect({ x: 200, y: 80, w: 800, h: 400 }, 1920, 1080);
    expect(cam.zoom).toBe(2.4);
    const seen = visibleRect(cam, 1920, 1080);
    expect(seen.x).toBeCloseTo(200);
    expect(seen.w).toBeCloseTo(800);
    expect(seen.y).toBeLessThan(80);
    expect(seen.y + seen.h).toBeGreaterThan(480);
    expect(seen.y + seen.h / 2).toBeCloseTo(280);
  });

  it('frames the part of a view that shows the board, not the empty canvas around it', () => {
    const board = { x: 0, y: -144, w: 2400, h: 1100 };
    // A narrow, tall window fitted to the whole map: mostly empty above and below.
    expect(clipToBoard({ x: -30, y: -1500, w: 2460, h: 3800 }, board)).toEqual({ x: -24, y: -168, w: 2448, h: 1148 });
    // Zoomed in on one stage: the view is inside the board and stays as it is.
    expect(clipToBoard({ x: 800, y: 100, w: 400, h: 300 }, board)).toEqual({ x: 800, y: 100, w: 400, h: 300 });
    // Looking at nothing of the board: the view itself.
    expect(clipToBoard({ x: 5000, y: 0, w: 100, h: 100 }, board)).toEqual({ x: 5000, y: 0, w: 100, h: 100 });
  });

  it('acts only on recent summons', () => {
    expect(isFreshSummon(100_000, 105_000)).toBe(true);
    expect(isFreshSummon(100_000, 500_000)).toBe(false);
  });
});
