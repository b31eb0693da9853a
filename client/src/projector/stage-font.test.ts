import { describe, expect, it } from 'vitest';
import { stageFontFor, stageTitle } from './projector-ribbons';

describe('stageFontFor', () => {
  it('keeps the ribbon size when every piece of the name fits its column', () => {
    expect(stageFontFor('Use', 300, 44)).toBe(44);
    expect(stageFontFor('Purchase', 400, 30)).toBe(30);
  });
  it('breaks a name between words: whole words, shrunk to fit, no hyphen inside a word that fits at 24 px', () => {
    for (const title of ['Consideration', 'Fidelizzazione', 'Passaparola', 'Momento della verità']) {
      const font = stageFontFor(title, 210, 40);
      expect(font).toBeGreaterThanOrEqual(24);
      expect(stageTitle(title, 210, font)).toBe(title);
    }
    // Only a word too wide even at 24 px gets break points (soft hyphens).
    expect(stageTitle('Considerazione', 120, stageFontFor('Considerazione', 120, 40))).toContain('\u00AD');
  });

  it('shrinks the name in a narrow column rather than break it inside a piece, never below 24 px', () => {
    const font = stageFontFor('Purchase', 150, 40);
    expect(font).toBeLessThan(40);
    expect(font).toBeGreaterThanOrEqual(24);
    // Wider columns never get a smaller name.
    expect(stageFontFor('Purchase', 180, 40)).toBeGreaterThanOrEqual(font);
  });

  it('a word with no break point that fits at 24 px shrinks to fit whole rather than be cut anywhere', () => {
    // Beside the revealed vote results a column is ~130 px: "Purchase" does not fit at 24 px and has
    // no soft-hyphen point; the browser used to cut it as "Purchas|e".
    const font = stageFontFor('Purchase', 130, 44);
    expect(font).toBeLessThan(24);
    expect(stageTitle('Purchase', 130, font)).toBe('Purchase');
    expect(stageFontFor('Purchase', 60, 40)).toBe(16);
  });
});
