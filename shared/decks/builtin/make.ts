import type { DeckCard, DeckCardKind } from '../deck-schema';
import { KIND_STYLE } from '../kind-style';

/** A card as written in a built-in data file: kind, colour and common fields come from `makeCards`. */
export type CardSpec = Pick<DeckCard, 'id' | 'title'> & Partial<Omit<DeckCard, 'kind'>>;

/** Gives every card of a list its kind, the kind's colour and icon, and the shared fields. */
export function makeCards(
  kind: DeckCardKind,
  common: Partial<Pick<DeckCard, 'stage' | 'lane'>>,
  list: CardSpec[],
): DeckCard[] {
  const { color, icon } = KIND_STYLE[kind];
  return list.map((c) => ({ kind, color, icon, ...common, ...c }));
}
