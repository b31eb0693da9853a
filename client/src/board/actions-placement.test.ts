import { describe, expect, it } from 'vitest';
import { placeActions } from './actions-placement';

const PHONE = { w: 390, h: 700 };
const BAR = { w: 240, h: 52 };

describe('placeActions', () => {
  it('puts the bar above the note, aligned with its left edge', () => {
    expect(placeActions({ x: 60, y: 300, w: 120, h: 80 }, BAR, PHONE)).toEqual({ x: 60, y: 240, side: 'above' });
  });

  it('goes below the note when there is no room above, never over its text', () => {
    const card = { x: 60, y: 30, w: 120, h: 80 };
    const p = placeActions(card, BAR, PHONE)!;
    expect(p.side).toBe('below');
    expect(p.y).toBeGreaterThanOrEqual(card.y + card.h);
  });

  it('counts the chrome at the top of the map as no room', () => {
    expect(placeActions({ x: 60, y: 100, w: 120, h: 80 }, BAR, PHONE, 60)!.side).toBe('below');
  });

  it('stays inside the screen horizontally', () => {
    expect(placeActions({ x: 300, y: 300, w: 120, h: 80 }, BAR, PHONE)!.x).toBe(390 - 240 - 8);
    expect(placeActions({ x: -50, y: 300, w: 120, h: 80 }, BAR, PHONE)!.x).toBe(8);
  });

  it('a note taller than the screen gets the bar inside the screen', () => {
    const p = placeActions({ x: 10, y: -200, w: 300, h: 1200 }, BAR, PHONE)!;
    expect(p.side).toBe('over');
    expect(p.y).toBeGreaterThanOrEqual(8);
    expect(p.y + BAR.h).toBeLessThanOrEqual(PHONE.h);
  });

  it('no bar for a note off screen', () => {
    expect(placeActions({ x: 500, y: 300, w: 120, h: 80 }, BAR, PHONE)).toBeNull();
    expect(placeActions({ x: 60, y: -200, w: 120, h: 80 }, BAR, PHONE)).toBeNull();
  });
});
