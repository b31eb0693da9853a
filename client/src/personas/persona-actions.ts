import { addPersona, deletePersona, setActivePersona, setCardPersona, updatePersona, type PersonaInput } from '../../../shared/commands/personas';
import { boardStore } from '../store/board-store';
import { canChangeCard, canChangeSkeleton, canEditSkeleton, sessionStore, type SessionState } from '../store/session-store';
import { activeBoard } from '../sync/connect-board';
import { personaStore } from './persona-store';

/**
 * The persona writes the UI offers, each checked against what the server accepts (docs/roles.md):
 * personas are edited by whoever may change the stages and lanes; the active one is chosen by
 * facilitators; a card is tagged by whoever may change it. Each write is one undo step.
 */
export const canEditPersonas = (s: SessionState) => canChangeSkeleton(s);
export const canChooseActive = (s: SessionState) => canEditSkeleton(s);

function writer(allowed: (s: SessionState) => boolean) {
  const b = activeBoard();
  return b && allowed(sessionStore.getState()) ? b : null;
}
function step<T>(allowed: (s: SessionState) => boolean, write: (doc: NonNullable<ReturnType<typeof activeBoard>>['doc']) => T): T | null {
  const b = writer(allowed);
  if (!b) return null;
  b.undo.stopCapturing();
  const out = write(b.doc);
  b.undo.stopCapturing();
  return out;
}

export const createPersona = (input: PersonaInput & { name: string }) => step(canEditPersonas, (doc) => addPersona(doc, input));
export const savePersona = (id: string, input: PersonaInput) => step(canEditPersonas, (doc) => updatePersona(doc, id, input));
export function removePersona(id: string): void {
  step(canEditPersonas, (doc) => deletePersona(doc, id));
  if (personaStore.getState().filter === id) personaStore.setState({ filter: null });
}
export const chooseActivePersona = (id: string) => step(canChooseActive, (doc) => setActivePersona(doc, id));
export const tagCard = (cardId: string, personaId: string | null) =>
  step((s) => canChangeCard(s, boardStore.getState().cards[cardId]?.ownerId), (doc) => setCardPersona(doc, cardId, personaId));

export const setPersonaFilter = (filter: string | null) => personaStore.setState({ filter });
export const openPersonas = (editing?: string | 'new') => personaStore.setState({ dialog: { kind: 'personas', editing } });
export const openTagCard = (cardId: string) => personaStore.setState({ dialog: { kind: 'tag', cardId } });
export const closePersonaDialog = () => personaStore.setState({ dialog: null });
