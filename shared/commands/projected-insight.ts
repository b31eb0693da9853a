import type * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../doc/origin';
import { ROOT } from '../doc/schema';

/**
 * Which insight the projector shows (key `insights` of the `facilitation` root, so only facilitators
 * write it, like the spotlight): an insight section's id, or absent for the map. Ids are short
 * kebab-case words ('truth-gap', 'silos', 'moments', 'clv'); anything else reads as absent.
 */
export const PROJECTED_INSIGHT_KEY = 'insights';
const SECTION_ID = /^[a-z][a-z0-9-]{0,31}$/;

export function readProjectedInsight(doc: Y.Doc): string | null {
  const v = doc.getMap<unknown>(ROOT.facilitation).get(PROJECTED_INSIGHT_KEY);
  return typeof v === 'string' && SECTION_ID.test(v) ? v : null;
}

/** Shows one insight on the projector (null: back to the map). */
export function setProjectedInsight(doc: Y.Doc, sectionId: string | null): void {
  if (sectionId !== null && !SECTION_ID.test(sectionId)) throw new Error(`not an insight id: ${sectionId}`);
  const fac = doc.getMap<unknown>(ROOT.facilitation);
  doc.transact(() => (sectionId === null ? fac.delete(PROJECTED_INSIGHT_KEY) : fac.set(PROJECTED_INSIGHT_KEY, sectionId)), LOCAL_ORIGIN);
}
