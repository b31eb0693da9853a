import { setClvInputs, setIdeaEffect } from '../../../shared/commands/clv';
import type { CardData } from '../../../shared/doc/schema';
import type { ClvStored } from '../../../shared/insights/clv-schema';
import { boardStore } from '../store/board-store';
import { canEditCards, canEditSkeleton, sessionStore, type SessionState } from '../store/session-store';
import { activeBoard } from '../sync/connect-board';

/**
 * The CLV section's writes. The server enforces both rules (docs/roles.md); the app offers only what
 * it would accept, so nobody's work is silently refused.
 */

/** Facilitators save the inputs; false when this person may not, or the value is refused. */
export function saveClvInputs(value: ClvStored): boolean {
  const b = activeBoard();
  if (!b || !canEditSkeleton(sessionStore.getState())) return false;
  b.undo.stopCapturing();
  const ok = setClvInputs(b.doc, value);
  b.undo.stopCapturing();
  return ok;
}

/** An idea's effect: its author (the card's owner) or a facilitator, while this person may write cards. */
export function canSetEffect(s: SessionState, card: Pick<CardData, 'ownerId'> | undefined): boolean {
  if (!card || !canEditCards(s)) return false;
  return s.role === 'facilitator' || (!!card.ownerId && card.ownerId === s.personId);
}

export function saveIdeaEffect(cardId: string, pct: number | null): boolean {
  const b = activeBoard();
  const s = sessionStore.getState();
  if (!b || !canSetEffect(s, boardStore.getState().cards[cardId])) return false;
  b.undo.stopCapturing();
  const changed = setIdeaEffect(b.doc, cardId, pct);
  b.undo.stopCapturing();
  return changed;
}
