/**
 * Turns a deck card into the input of `addCard` (shared/commands/cards.ts): the card is copied onto the
 * board in the board's language and keeps a link (`deckCardId`) to the deck card it came from.
 */
import type { AddCardInput } from '../commands/cards';
import type { Locale } from '../doc/schema';
import type { Deck, DeckCard } from './deck-schema';
import { KIND_STYLE } from './kind-style';

/** `deckId/cardId`: unique across decks, since ids never contain '/'. */
export function deckCardId(deck: Pick<Deck, 'id'>, card: Pick<DeckCard, 'id'>): string {
  return `${deck.id}/${card.id}`;
}

/**
 * Board text of a deck card: its title, then its text as a second paragraph. A note card is a template
 * and puts only its text on the board (the blank note lands empty).
 */
export function deckCardText(card: DeckCard, locale: Locale): string {
  const body = card.text?.[locale] ?? '';
  if (card.kind === 'note') return body;
  return body ? `${card.title[locale]}\n\n${body}` : card.title[locale];
}

export function deckCardToAddInput(
  deck: Pick<Deck, 'id'>,
  card: DeckCard,
  locale: Locale,
  target: { stage: string; lane: string },
  author: string,
): AddCardInput {
  const extra: NonNullable<AddCardInput['extra']> = { deckCardId: deckCardId(deck, card) };
  if (card.valence !== undefined) extra.valence = card.valence;
  if (card.moment !== undefined) extra.moment = card.moment;
  if (card.kind === 'question') extra.answer = '';
  return {
    stage: target.stage,
    lane: target.lane,
    kind: card.kind,
    text: deckCardText(card, locale),
    color: card.color ?? KIND_STYLE[card.kind].color,
    author,
    extra,
  };
}
