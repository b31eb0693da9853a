import { canEditSkeleton, sessionStore } from '../store/session-store';
import { spotlightStage, spotlightStageAt } from './actions';

/**
 * Facilitator keys, called by board/use-board-shortcuts.ts before its own: 1–6 spotlight the n-th
 * stage (the same key again clears it), Shift+0 clears the spotlight. Physical keys (`code`), so they
 * work on keyboards where the digits need Shift. Fit the journey moves to Shift+1 for everyone; for
 * people who are not facilitators, 1 still fits too.
 */
export function handleFacilitationKey(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || !canEditSkeleton(sessionStore.getState())) return false;
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(e.code)?.[1];
  if (digit === undefined) return false;
  const n = Number(digit);
  if (e.shiftKey && n === 0) {
    e.preventDefault();
    spotlightStage(null);
    return true;
  }
  if (!e.shiftKey && n >= 1 && n <= 6) {
    e.preventDefault();
    spotlightStageAt(n - 1);
    return true;
  }
  return false;
}
