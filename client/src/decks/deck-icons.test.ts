import { describe, expect, it } from 'vitest';
import { StickyNote } from 'lucide-react';
import { BUILTIN_DECKS } from '../../../shared/decks/builtin';
import { KIND_STYLE } from '../../../shared/decks/kind-style';
import { cardIcon, hasIcon, kindIcon } from './deck-icons';

describe('deck icons', () => {
  it('has every icon the built-in decks and kinds use, so no built-in card falls back', () => {
    const names = [...Object.values(KIND_STYLE).map((s) => s.icon), ...BUILTIN_DECKS.flatMap((d) => d.cards.map((c) => c.icon ?? ''))];
    expect(names.filter((n) => n && !hasIcon(n))).toEqual([]);
  });

  it('falls back to the kind icon for an unknown name, and to a note for an unknown kind', () => {
    expect(cardIcon('no-such-icon', 'emotion')).toBe(kindIcon('emotion'));
    expect(cardIcon(undefined, 'mystery')).toBe(StickyNote);
    expect(cardIcon('__proto__', 'note')).toBe(StickyNote);
  });
});
