import { describe, expect, it } from 'vitest';
import { stageFontFor } from './projector-ribbons';

describe('stageFontFor', () => {
  it('keeps the ribbon size when every piece of the name fits its column', () => {
    expect(stageFontFor('Use', 300, 44)).toBe(44);
    expect(stageFontFor('Purchase', 400, 30)).toBe(30);
  });
  it('shrinks the name in a narrow column rather than break it inside a piece, never below 24 px', () => {
    const font = stageFontFor('Purchase', 150, 40);
    expect(font).toBeLessThan(40);
    expect(font).toBeGreaterThanOrEqual(24);
    // Wider columns never get a smaller name; a very narrow one keeps the readable minimum.
    expect(stageFontFor('Purchase', 180, 40)).toBeGreaterThanOrEqual(font);
    expect(stageFontFor('Purchase', 60, 40)).toBe(24);
    expect(stageFontFor('Purchase', 60, 20)).toBe(20);
  });
});
