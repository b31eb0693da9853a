import * as Y from 'yjs';
import { randomId } from '../doc/ids';
import { LOCAL_ORIGIN } from '../doc/origin';
import { ROOT } from '../doc/schema';
import { ACTIVE_PERSONA_KEY, MAX_PERSONAS, PERSONA_COLORS, PERSONA_LIMITS, PERSONA_TEXT_FIELDS, personaSchema, type PersonaData } from '../personas/persona-schema';
import { readPersonas } from '../personas/read-personas';

/**
 * Writes to the board's personas (root `personas`, one plain object per persona, written whole).
 * Facilitators may always write them, participants while the skeleton is unlocked (the server
 * enforces it: docs/roles.md); the active persona is facilitator state (`facilitation.activePersona`).
 */
export type PersonaInput = Partial<Omit<PersonaData, 'id' | 'createdAt'>>;

function personasMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.personas);
}

/** Texts cut to their limits, a colour from the palette, a name never empty. */
function tidy(base: PersonaData, input: PersonaInput): PersonaData | null {
  const next: PersonaData = { ...base };
  for (const f of PERSONA_TEXT_FIELDS) {
    const v = input[f];
    if (typeof v === 'string') next[f] = v.slice(0, PERSONA_LIMITS[f]);
  }
  next.name = next.name.trim().slice(0, PERSONA_LIMITS.name);
  if (input.color && (PERSONA_COLORS as readonly string[]).includes(input.color)) next.color = input.color;
  return personaSchema.safeParse(next).success ? next : null;
}

/** The first palette colour no persona uses yet (the first one when all are taken). */
export function freePersonaColor(personas: readonly PersonaData[]): PersonaData['color'] {
  return PERSONA_COLORS.find((c) => !personas.some((p) => p.color === c)) ?? PERSONA_COLORS[0];
}

/** Adds a persona; its id, or null when the board already has MAX_PERSONAS or the name is empty. */
export function addPersona(doc: Y.Doc, input: PersonaInput & { name: string }, now = Date.now()): string | null {
  const existing = readPersonas(doc);
  if (existing.length >= MAX_PERSONAS) return null;
  const id = randomId();
  const base: PersonaData = { id, name: '', segment: '', description: '', goals: '', frustrations: '', quote: '', color: freePersonaColor(existing), createdAt: now };
  const p = tidy(base, input);
  if (!p) return null;
  doc.transact(() => personasMap(doc).set(id, p), LOCAL_ORIGIN);
  return id;
}

/** Changes some fields of a persona; false when it does not exist, nothing changed or the name is empty. */
export function updatePersona(doc: Y.Doc, id: string, input: PersonaInput): boolean {
  const current = readPersonas(doc).find((p) => p.id === id);
  if (!current) return false;
  const next = tidy(current, input);
  if (!next || PERSONA_TEXT_FIELDS.every((f) => next[f] === current[f]) && next.color === current.color) return false;
  doc.transact(() => personasMap(doc).set(id, next), LOCAL_ORIGIN);
  return true;
}

/**
 * Removes a persona. Cards tagged with it keep their tag, which then reads as "every persona": undoing
 * the removal brings the persona back with its cards, and the removal never touches anyone's cards.
 */
export function deletePersona(doc: Y.Doc, id: string): boolean {
  const m = personasMap(doc);
  if (!m.has(id)) return false;
  doc.transact(() => m.delete(id), LOCAL_ORIGIN);
  return true;
}

/** Chooses the persona shown above the map, for everyone (facilitators only; null: the first one). */
export function setActivePersona(doc: Y.Doc, id: string | null): void {
  const fac = doc.getMap<unknown>(ROOT.facilitation);
  if ((fac.get(ACTIVE_PERSONA_KEY) ?? null) === id) return;
  doc.transact(() => (id === null ? fac.delete(ACTIVE_PERSONA_KEY) : fac.set(ACTIVE_PERSONA_KEY, id)), LOCAL_ORIGIN);
}

/** Tags a card with a persona (null: about every persona); whoever may edit the card may tag it. */
export function setCardPersona(doc: Y.Doc, cardId: string, personaId: string | null): boolean {
  const m = doc.getMap<Y.Map<unknown>>(ROOT.cards).get(cardId);
  if (!(m instanceof Y.Map)) return false;
  if ((m.get('persona') ?? null) === personaId) return false;
  doc.transact(() => (personaId === null ? m.delete('persona') : m.set('persona', personaId)), LOCAL_ORIGIN);
  return true;
}
