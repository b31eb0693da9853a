import { describe, expect, it } from 'vitest';
import { stageFontFor } from './projector-ribbons';

describe('stageFontFor', () => {
  it('keeps the ribbon size when every piece of the name fits its column', () => {
    expect(stageFontFor('Use', 300, 44)).toBe(44);
    expect(stageFontFor('Purchase', 400, 30)).toBe(30);
  });
  it('shrinks the name in a narrow column rather than break it inside a piece', () => {
    const font = stageFontFor('Purchase', 110, 30);
    expect(font).toBeLessThan(30);
    expect(font).toBeGreaterThanOrEqual(12);
    // Wider columns never get a smaller name.
    expect(stageFontFor('Purchase', 140, 30)).toBeGreaterThanOrEqual(font);
  });
});
