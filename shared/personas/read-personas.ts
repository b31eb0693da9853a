import * as Y from 'yjs';
import { ROOT } from '../doc/schema';
import { ACTIVE_PERSONA_KEY, isPersonaValue, type PersonaData } from './persona-schema';

/**
 * The board's personas in their order (created first, then by id). Entries another program wrote in a
 * shape the format does not have, or under a key other than their `id`, are skipped, like decks.
 */
export function readPersonas(doc: Y.Doc): PersonaData[] {
  const out: PersonaData[] = [];
  doc.getMap<unknown>(ROOT.personas).forEach((v, k) => {
    if (isPersonaValue(k, v)) out.push({ ...v });
  });
  return sortPersonas(out);
}

export function sortPersonas(list: PersonaData[]): PersonaData[] {
  return list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The persona shown above the map: the one a facilitator chose (`facilitation.activePersona`) while it
 * exists, else the first one; null on a board without personas.
 */
export function activePersona(personas: readonly PersonaData[], chosen: unknown): PersonaData | null {
  return personas.find((p) => p.id === chosen) ?? personas[0] ?? null;
}

export function readActivePersona(doc: Y.Doc): PersonaData | null {
  return activePersona(readPersonas(doc), doc.getMap<unknown>(ROOT.facilitation).get(ACTIVE_PERSONA_KEY));
}

/** The persona a card is about, among the board's: a tag naming no persona reads as none. */
export function cardPersona(card: { persona?: string }, personas: readonly PersonaData[]): PersonaData | null {
  return card.persona ? (personas.find((p) => p.id === card.persona) ?? null) : null;
}
