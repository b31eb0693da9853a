import type * as Y from 'yjs';
import { ROOT } from '../../../shared/doc/schema';
import { ACTIVE_PERSONA_KEY, type PersonaData } from '../../../shared/personas/persona-schema';
import { activePersona, readPersonas } from '../../../shared/personas/read-personas';
import { personaStore } from './persona-store';

const same = (a: readonly PersonaData[], b: readonly PersonaData[]) => a.length === b.length && a.every((p, i) => JSON.stringify(p) === JSON.stringify(b[i]));

/** Projects the personas and the active one into persona-store while a board is open; returns the stop. */
export function projectPersonas(doc: Y.Doc): () => void {
  const personas = doc.getMap<unknown>(ROOT.personas);
  const fac = doc.getMap<unknown>(ROOT.facilitation);
  const update = () => {
    const s = personaStore.getState();
    const read = readPersonas(doc);
    const list = same(read, s.personas) ? s.personas : read;
    const active = activePersona(list, fac.get(ACTIVE_PERSONA_KEY));
    if (list !== s.personas || active !== s.active) personaStore.setState({ personas: list, active });
  };
  update();
  personas.observe(update);
  fac.observe(update);
  return () => {
    personas.unobserve(update);
    fac.unobserve(update);
    personaStore.setState({ personas: [], active: null, filter: null, dialog: null });
  };
}
