/**
 * Search in the deck panel: which cards match what the person typed, in the language they read.
 * Accents, case and typographic apostrophes are ignored ("perche" finds "perché", "cant" finds "can’t"):
 * people type fast on a phone in a workshop.
 */
import type { Deck, DeckCard } from '../../../shared/decks/deck-schema';
import type { Locale } from '../../../shared/doc/schema';

export interface DeckMatch {
  deck: Deck;
  cards: DeckCard[];
}

/** Lower case, no diacritics, straight apostrophes and quotes, single spaces. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”«»]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function words(query: string): string[] {
  return normalizeForSearch(query)
    .split(' ')
    .map((w) => w.replace(/^['"]+|['"]+$/g, ''))
    .filter(Boolean);
}

/**
 * The decks with their matching cards, in deck order. Every word of the query must appear in the card's
 * title or text, or in its deck's title (so "emotions" lists the whole Emotions deck). An empty query
 * keeps everything; decks without a match are left out.
 */
export function searchDecks(decks: readonly Deck[], query: string, lang: Locale): DeckMatch[] {
  const wanted = words(query);
  if (wanted.length === 0) return decks.map((deck) => ({ deck, cards: deck.cards }));
  const out: DeckMatch[] = [];
  for (const deck of decks) {
    const deckText = normalizeForSearch(deck.title[lang]);
    const cards = deck.cards.filter((card) => {
      const text = `${deckText} ${normalizeForSearch(`${card.title[lang]} ${card.text?.[lang] ?? ''}`)}`;
      return wanted.every((w) => text.includes(w));
    });
    if (cards.length > 0) out.push({ deck, cards });
  }
  return out;
}

/** Total cards in a search result. */
export const countMatches = (matches: readonly DeckMatch[]) => matches.reduce((n, m) => n + m.cards.length, 0);
