/**
 * Personas (customer types) in the document format (docs/document-format.md, root `personas`): one
 * plain JSON object per persona, keyed by its id, written whole. One schema for the reader, the backup
 * file and the server's content limits, so a persona the server accepts always backs up and restores.
 */
import { z } from 'zod';

/** The fixed palette a persona's colour comes from: each has at least 4.5:1 contrast with white, both ways. */
export const PERSONA_COLORS = ['#0b5fa5', '#b23a00', '#12715a', '#8e3a8e', '#a3243b', '#4a5a12', '#7a5200', '#444f5a'] as const;
export type PersonaColor = (typeof PERSONA_COLORS)[number];

/** Personas a board may hold: one per palette colour. */
export const MAX_PERSONAS = PERSONA_COLORS.length;

/** Characters of each persona text. */
export const PERSONA_LIMITS = {
  name: 80,
  segment: 120,
  description: 600,
  goals: 600,
  frustrations: 600,
  quote: 280,
} as const;
export type PersonaTextField = keyof typeof PERSONA_LIMITS;
export const PERSONA_TEXT_FIELDS = Object.keys(PERSONA_LIMITS) as PersonaTextField[];

/** The `facilitation` key holding the id of the persona shown above the map (facilitators choose it). */
export const ACTIVE_PERSONA_KEY = 'activePersona';

const text = (max: number) => z.string().max(max);

/** One persona as stored (a plain object under its id) and as written in a backup. */
export const personaSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: text(PERSONA_LIMITS.name).min(1),
  segment: text(PERSONA_LIMITS.segment),
  description: text(PERSONA_LIMITS.description),
  /** One goal per line. */
  goals: text(PERSONA_LIMITS.goals),
  /** One frustration per line. */
  frustrations: text(PERSONA_LIMITS.frustrations),
  quote: text(PERSONA_LIMITS.quote),
  color: z.enum(PERSONA_COLORS),
  /** ms since the Unix epoch; personas are listed by it (then by id). */
  createdAt: z.number(),
});
export type PersonaData = z.output<typeof personaSchema>;

/** A backup's personas: at most MAX_PERSONAS, ids unique. */
export const personaListSchema = z
  .array(personaSchema)
  .max(MAX_PERSONAS)
  .refine((list) => new Set(list.map((p) => p.id)).size === list.length, { message: 'persona ids must be unique' });

/** A stored persona value the server and the reader accept under key `key`. */
export function isPersonaValue(key: string, v: unknown): v is PersonaData {
  const r = personaSchema.safeParse(v);
  return r.success && r.data.id === key;
}
