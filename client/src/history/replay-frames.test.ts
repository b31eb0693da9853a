import { describe, expect, it } from 'vitest';
import { frameAt, frameStart, pickFrames } from './replay-frames';

const v = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `v${String(i).padStart(3, '0')}`, at: 1000 + i * 600_000 }));

describe('pickFrames', () => {
  it('keeps every checkpoint, oldest first, when there are few', () => {
    const list = v(5).reverse();
    expect(pickFrames(list).map((x) => x.id)).toEqual(['v000', 'v001', 'v002', 'v003', 'v004']);
  });
  it('spreads a long history evenly, with the oldest and the newest', () => {
    const picked = pickFrames(v(100), 5);
    expect(picked.map((x) => x.id)).toEqual(['v000', 'v025', 'v050', 'v074', 'v099']);
    expect(pickFrames(v(100), 1).map((x) => x.id)).toEqual(['v099']);
  });
});

describe('frameAt', () => {
  it('shares the time evenly and holds the last frame', () => {
    expect([0, 9_999, 10_000, 19_999, 20_000, 29_999, 30_000, 90_000].map((t) => frameAt(t, 3, 30_000))).toEqual([0, 0, 1, 1, 2, 2, 2, 2]);
    expect(frameAt(-5, 3, 30_000)).toBe(0);
    expect(frameAt(100, 0, 30_000)).toBe(0);
  });
  it('starts each frame where frameAt enters it', () => {
    for (let i = 0; i < 7; i++) expect(frameAt(frameStart(i, 7, 30_000), 7, 30_000)).toBe(i);
  });
});
