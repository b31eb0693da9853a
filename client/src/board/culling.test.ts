import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../../shared/layout';
import { cardsInRect, chunkRect, nextChunkKey, visibleChunkKey } from './culling';

const stages = Array.from({ length: 12 }, (_, i) => ({ id: `s${i}`, title: '' }));
const lanes = [{ id: 'l', title: '' }];
const cards = stages.map((s, i) => ({ id: `c${i}`, kind: 'note', text: '', stage: s.id, lane: 'l', order: 'a0', color: '#ffffff', author: '', createdAt: 0 }));
const layout = computeLayout(stages, lanes, cards);

describe('culling', () => {
  it('renders cards near the viewport and skips the far ones', () => {
    const key = visibleChunkKey({ x: 0, y: 0, zoom: 1 }, 800, 600);
    const ids = cardsInRect(layout, chunkRect(key));
    expect(ids).toContain('c0');
    expect(ids).toContain('c1');
    expect(ids).not.toContain('c11');
  });

  it('keeps the same key for small pans, so the list does not re-render every frame', () => {
    const a = visibleChunkKey({ x: -1000, y: 0, zoom: 1 }, 800, 600);
    const b = visibleChunkKey({ x: -1010, y: -5, zoom: 1 }, 800, 600);
    expect(a).toBe(b);
  });

  it('shows everything when zoomed far out', () => {
    const key = visibleChunkKey({ x: 0, y: 0, zoom: 0.1 }, 800, 600);
    expect(cardsInRect(layout, chunkRect(key))).toHaveLength(12);
  });

  it('keeps its window during a zoom gesture and while panning inside it, and fits the view once settled', () => {
    const start = visibleChunkKey({ x: 0, y: 0, zoom: 1 }, 800, 600);
    const zoomedIn = { x: -2400, y: -1800, zoom: 4 };
    expect(nextChunkKey(start, zoomedIn, 800, 600, false, true)).toBe(start);
    expect(nextChunkKey(start, zoomedIn, 800, 600, true)).toBe(visibleChunkKey(zoomedIn, 800, 600));
    expect(nextChunkKey(start, zoomedIn, 800, 600, true)).not.toBe(start);
    const zoomedOut = { x: 0, y: 0, zoom: 0.2 };
    expect(nextChunkKey(start, zoomedOut, 800, 600, false, true)).toBe(start);
    expect(cardsInRect(layout, chunkRect(nextChunkKey(start, zoomedOut, 800, 600, true)))).toHaveLength(12);
    // Panning: a small move keeps the window, leaving it takes a new one at once.
    expect(nextChunkKey(start, { x: -150, y: 0, zoom: 1 }, 800, 600, false)).toBe(start);
    const far = { x: -3000, y: 0, zoom: 1 };
    expect(nextChunkKey(start, far, 800, 600, false)).toBe(visibleChunkKey(far, 800, 600));
  });
});
