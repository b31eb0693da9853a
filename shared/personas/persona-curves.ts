import { emotionCurve, type CurvePoint } from '../decks/emotion-curve';
import type { CardData } from '../doc/schema';
import { cardPersona } from './read-personas';
import type { PersonaData } from './persona-schema';

/**
 * Emotion curves per persona, to compare customer types on one journey. A persona's curve is drawn from
 * the emotion cards that stay in view when the map is filtered to that persona: the ones tagged with it
 * and the untagged ones (about every persona). So the curve always matches the cards one sees.
 */
type CurveCard = Pick<CardData, 'kind' | 'stage' | 'valence' | 'persona'>;

/** Does this card stay in view when the map shows `personaId` (null: every card)? */
export function inPersonaView(card: Pick<CardData, 'persona'>, personaId: string | null, personas: readonly PersonaData[]): boolean {
  if (personaId === null) return true;
  const p = cardPersona(card, personas);
  return p === null || p.id === personaId;
}

export function personaCurve(stages: ReadonlyArray<{ id: string; title: string }>, cards: ReadonlyArray<CurveCard>, personaId: string, personas: readonly PersonaData[]): CurvePoint[] {
  return emotionCurve(stages, cards.filter((c) => inPersonaView(c, personaId, personas)));
}

export interface PersonaCurve {
  persona: PersonaData;
  points: CurvePoint[];
}

/**
 * The curves to overlay on the whole journey: one per persona, when the board has at least two personas
 * and some emotion card is tagged (otherwise every persona's curve would be the board's own). In the
 * personas' order, so each keeps its colour and place in the legend.
 */
export function comparedCurves(stages: ReadonlyArray<{ id: string; title: string }>, cards: ReadonlyArray<CurveCard>, personas: readonly PersonaData[]): PersonaCurve[] {
  if (personas.length < 2) return [];
  const tagged = cards.some((c) => c.kind === 'emotion' && cardPersona(c, personas) !== null);
  if (!tagged) return [];
  return personas.map((persona) => ({ persona, points: personaCurve(stages, cards, persona.id, personas) }));
}
