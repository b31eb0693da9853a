/**
 * Which cards are ideas: the cards of the Ideas lane that say something and are neither a question of an
 * exercise nor a moment marker. The same rule as the report's idea list, and the one the CLV section
 * uses for ideas with an effect.
 */
import type { AxisItem, CardData } from '../doc/schema';
import { laneOf } from './method-roles';

export function isIdea(card: CardData, ideasLane: AxisItem | null): boolean {
  return !!ideasLane && card.lane === ideasLane.id && card.kind !== 'question' && card.kind !== 'moment' && card.text.trim() !== '';
}

/** The board's ideas, in the order given. */
export function ideasOf(lanes: readonly AxisItem[], cards: readonly CardData[]): CardData[] {
  const lane = laneOf(lanes, 'ideas');
  return cards.filter((c) => isIdea(c, lane));
}
