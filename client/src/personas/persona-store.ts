import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { PersonaData } from '../../../shared/personas/persona-schema';

/**
 * The board's personas as plain data (projected from the `personas` root and
 * `facilitation.activePersona` by project-personas.ts), and this person's own view of them: which
 * persona the map is filtered to, and which persona dialog is open. Nothing local is written to the board.
 */
export interface PersonaState {
  personas: readonly PersonaData[];
  /** The persona shown above the map (the facilitator's choice, else the first); null without personas. */
  active: PersonaData | null;
  /** Local: the persona the map and the curve are filtered to; null shows every card. */
  filter: string | null;
  /** Local: the Personas dialog, or the dialog tagging one card. */
  dialog: null | { kind: 'personas'; editing?: string | 'new' } | { kind: 'tag'; cardId: string };
}

export const personaStore = createStore<PersonaState>(() => ({ personas: [], active: null, filter: null, dialog: null }));

export function usePersonas<T>(selector: (s: PersonaState) => T): T {
  return useStore(personaStore, selector);
}

/** The filter in force: a persona that still exists, and only on a board with two or more. */
export const filterOf = (s: PersonaState): string | null => (s.personas.length > 1 && s.personas.some((p) => p.id === s.filter) ? s.filter : null);
export const usePersonaFilter = () => usePersonas(filterOf);
