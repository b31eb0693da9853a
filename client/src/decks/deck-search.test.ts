import { describe, expect, it } from 'vitest';
import { BUILTIN_DECKS, emotionsDeck, momentsDeck } from '../../../shared/decks/builtin';
import type { Deck } from '../../../shared/decks/deck-schema';
import { countMatches, normalizeForSearch, searchDecks } from './deck-search';

const ids = (matches: ReturnType<typeof searchDecks>) => matches.flatMap((m) => m.cards.map((c) => `${m.deck.id}/${c.id}`));

describe('searchDecks', () => {
  it('keeps every deck and card for an empty or blank query', () => {
    const all = searchDecks(BUILTIN_DECKS, '   ', 'en');
    expect(all.map((m) => m.deck.id)).toEqual(BUILTIN_DECKS.map((d) => d.id));
    expect(countMatches(all)).toBe(BUILTIN_DECKS.reduce((n, d) => n + d.cards.length, 0));
  });

  it('searches in the reader’s language only', () => {
    expect(ids(searchDecks([emotionsDeck], 'joy', 'en'))).toEqual(['emotions/joy']);
    expect(ids(searchDecks([emotionsDeck], 'joy', 'it'))).toEqual([]);
    expect(ids(searchDecks([emotionsDeck], 'gioia', 'it'))).toEqual(['emotions/joy']);
  });

  it('ignores case, accents and curly apostrophes', () => {
    expect(ids(searchDecks([momentsDeck], 'VERITA', 'it'))).toEqual(['moments/truth']);
    expect(ids(searchDecks([emotionsDeck], "can't wait", 'en'))).toEqual(['emotions/enthusiasm']);
  });

  it('needs every word, found in the title, the text or the deck title', () => {
    expect(ids(searchDecks([momentsDeck], 'moment decision', 'en'))).toEqual(['moments/trigger']);
    const wholeDeck = searchDecks(BUILTIN_DECKS, 'emotions', 'en').find((m) => m.deck.id === 'emotions');
    expect(wholeDeck?.cards).toHaveLength(emotionsDeck.cards.length);
  });

  it('leaves out decks without a match and keeps deck order', () => {
    const custom: Deck = { formatVersion: 1, id: 'acme', title: { it: 'Acme', en: 'Acme' }, cards: [{ id: 'x', kind: 'note', title: { it: 'Gioia del caffè', en: 'Coffee joy' } }] };
    expect(searchDecks([emotionsDeck, momentsDeck, custom], 'joy', 'en').map((m) => m.deck.id)).toEqual(['emotions', 'acme']);
    expect(searchDecks([emotionsDeck, momentsDeck], 'zzzz', 'en')).toEqual([]);
  });
});

describe('normalizeForSearch', () => {
  it('folds what people do not type', () => {
    expect(normalizeForSearch('  Perché  L’Attività ')).toBe("perche l'attivita");
  });
});
