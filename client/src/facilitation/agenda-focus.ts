import { useFacilitation } from './facilitation-store';

/** The deck the current agenda step deals from (the deck panel highlights it), if any. */
export function useAgendaDeck(): string | null {
  return useFacilitation((s) => (s.agenda.current === null ? null : (s.agenda.steps[s.agenda.current]?.deck ?? null)));
}
