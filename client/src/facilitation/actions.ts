import { clearAgendaStep, goToStep, resetAgenda, setAgenda, type AgendaStep } from '../../../shared/commands/agenda';
import {
  addTimerTime, pauseTimer, resumeTimer, setLock, setSpotlight, startTimer, stepSpotlight, stopTimer, summonEveryone,
} from '../../../shared/commands/facilitation';
import { changeDot, clearVote, revealVote, startVote } from '../../../shared/commands/votes';
import type { FacilitationLocks } from '../../../shared/doc/schema';
import { activeBoard } from '../sync/connect-board';
import { boardStore } from '../store/board-store';
import { canEditCards, canEditSkeleton, sessionStore } from '../store/session-store';
import { uiStore } from '../store/ui-store';
import { facilitationStore } from './facilitation-store';
import { roundRect, visibleRect } from './follow-math';
import { issuedSummons } from './follow';
import { serverNow } from './server-clock';

/**
 * What the facilitation UI writes, each through one shared command. Facilitator-only actions check the
 * role here too (the server refuses them anyway); a dot is anyone's who may write cards.
 * None of these are undoable: the undo manager tracks the map, not the running of the room.
 */
function facilitator() {
  const b = activeBoard();
  return b && canEditSkeleton(sessionStore.getState()) ? b : null;
}

export function toggleLock(lock: keyof FacilitationLocks, on: boolean): void {
  const b = facilitator();
  if (b) setLock(b.doc, lock, on);
}

/** Highlights a stage for everyone; the same stage again, or null, clears it. */
export function spotlightStage(stageId: string | null): void {
  const b = facilitator();
  if (!b) return;
  const current = facilitationStore.getState().spotlight;
  setSpotlight(b.doc, stageId === current ? null : stageId);
}

/** Spotlight by position (keys 1–6): the n-th stage, left to right. */
export function spotlightStageAt(index: number): void {
  const stage = boardStore.getState().stages[index];
  if (stage) spotlightStage(stage.id);
}

/**
 * Next or previous stage, as with slides (the facilitation panel's arrows, the projector's arrow keys).
 * The projector is read-only for the map, but one opened with the facilitator's link may step: the
 * server accepts it, since that connection is a facilitator's (docs/roles.md).
 */
export function stepStage(dir: 1 | -1): void {
  const b = activeBoard();
  const s = sessionStore.getState();
  if (!b || s.role !== 'facilitator') return;
  stepSpotlight(b.doc, boardStore.getState().stages.map((st) => st.id), dir);
}

export function startTimerMinutes(minutes: number): void {
  const b = facilitator();
  if (b && minutes > 0) startTimer(b.doc, Math.round(minutes * 60_000), serverNow());
}
export function pauseSharedTimer(): void {
  const b = facilitator();
  if (b) pauseTimer(b.doc, serverNow());
}
export function resumeSharedTimer(): void {
  const b = facilitator();
  if (b) resumeTimer(b.doc, serverNow());
}
export function addMinute(): void {
  const b = facilitator();
  if (b) addTimerTime(b.doc, 60_000, serverNow());
}
export function stopSharedTimer(): void {
  const b = facilitator();
  if (b) stopTimer(b.doc);
}

/** "Bring everyone here": everyone else's view jumps to what this facilitator sees now. */
export function bringEveryoneHere(): boolean {
  const b = facilitator();
  const { camera, viewport } = uiStore.getState();
  if (!b || !viewport.w || !viewport.h) return false;
  const at = Math.round(serverNow());
  issuedSummons.add(at);
  summonEveryone(b.doc, roundRect(visibleRect(camera, viewport.w, viewport.h)), at);
  return true;
}

export function openVote(dots: number, lane: string | null): void {
  const b = facilitator();
  if (b) startVote(b.doc, dots, lane);
}
export function revealResults(): void {
  const b = facilitator();
  if (b) revealVote(b.doc);
}
export function endVote(): void {
  const b = facilitator();
  if (b) clearVote(b.doc);
}

/** Places (+1) or takes back (−1) one of my dots; false when the vote or my budget says no. */
export function moveDot(cardId: string, delta: 1 | -1): boolean {
  const b = activeBoard();
  const s = sessionStore.getState();
  if (!b || !s.personId || !canEditCards(s)) return false;
  return changeDot(b.doc, s.personId, cardId, delta);
}

export function goToAgendaStep(index: number): void {
  const b = facilitator();
  if (b) goToStep(b.doc, index, serverNow());
}
export function leaveAgenda(): void {
  const b = facilitator();
  if (b) clearAgendaStep(b.doc);
}
export function saveAgenda(steps: AgendaStep[]): void {
  const b = facilitator();
  if (b) setAgenda(b.doc, steps);
}
export function restoreDefaultAgenda(): void {
  const b = facilitator();
  if (b) resetAgenda(b.doc);
}
