import type { CardData } from '../../shared/doc/schema';

/**
 * The keys a card's Y.Map may hold: exactly the fields of the document format's card
 * (shared/doc/schema.ts `CardData`). Typed as a record of every `CardData` key, so a field added to
 * the format must be added here too, or this file stops compiling.
 */
const FIELDS: Record<keyof CardData, true> = {
  id: true,
  kind: true,
  text: true,
  stage: true,
  lane: true,
  order: true,
  color: true,
  author: true,
  createdAt: true,
  ownerId: true,
  deckCardId: true,
  valence: true,
  moment: true,
  answer: true,
  wasIn: true,
  effect: true,
  persona: true,
};
export const CARD_FIELDS: ReadonlySet<string> = new Set(Object.keys(FIELDS));

/** Fields that may hold a Y.Text (so concurrent typing merges); every other field is a plain value. */
export const CARD_TEXT_FIELDS: ReadonlySet<string> = new Set<keyof CardData>(['text', 'answer']);
