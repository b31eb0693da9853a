import { setProjectedInsight } from '../../../shared/commands/projected-insight';
import { activeBoard } from '../sync/connect-board';
import { canEditSkeleton, sessionStore } from '../store/session-store';

/** Puts one insight on the projector, or the map back (null). Facilitators only; the server enforces it. */
export function projectInsight(sectionId: string | null): void {
  const b = activeBoard();
  if (b && canEditSkeleton(sessionStore.getState())) setProjectedInsight(b.doc, sectionId);
}
