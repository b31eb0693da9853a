import type * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../doc/origin';
import { ROOT, type FacilitationLocks } from '../doc/schema';

/**
 * Facilitator state in the `facilitation` root: locks, spotlight, timer, agenda, summon. Only
 * facilitators may write it; the server drops anyone else's write.
 */
function fac(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.facilitation);
}
function set(doc: Y.Doc, key: string, value: unknown): void {
  doc.transact(() => (value === null ? fac(doc).delete(key) : fac(doc).set(key, value)), LOCAL_ORIGIN);
}

export function setLock(doc: Y.Doc, lock: keyof FacilitationLocks, on: boolean): void {
  set(doc, lock, on);
}

/** Highlights one stage for everyone (null clears it). */
export function setSpotlight(doc: Y.Doc, stageId: string | null): void {
  set(doc, 'spotlight', stageId);
}
export function readSpotlight(doc: Y.Doc): string | null {
  const v = fac(doc).get('spotlight');
  return typeof v === 'string' ? v : null;
}

/**
 * Stepping through the journey stage by stage, as with slides: the whole journey (no spotlight), then
 * each stage left to right, then the whole journey again. `dir` is +1 (next) or −1 (previous). The step
 * is the spotlight itself, so everyone's board, the projector and the panel show the same stage.
 */
export function steppedSpotlight(stageIds: readonly string[], current: string | null, dir: 1 | -1): string | null {
  if (!stageIds.length) return null;
  const i = current === null ? -1 : stageIds.indexOf(current);
  // Positions: -1 is the whole journey, 0..n-1 the stages; a spotlight on a removed stage counts as the start.
  const next = i + dir;
  if (next < -1) return stageIds[stageIds.length - 1];
  if (next >= stageIds.length || next === -1) return null;
  return stageIds[next];
}
export function stepSpotlight(doc: Y.Doc, stageIds: readonly string[], dir: 1 | -1): string | null {
  const next = steppedSpotlight(stageIds, readSpotlight(doc), dir);
  setSpotlight(doc, next);
  return next;
}

/**
 * The shared timer. Running: `endsAt` is a time on the server's clock (each client corrects its own
 * clock by its measured offset, so machines whose clocks disagree still show the same time).
 * Paused: `remainingMs` is frozen.
 */
export type TimerState =
  | { status: 'running'; endsAt: number; durationMs: number }
  | { status: 'paused'; remainingMs: number; durationMs: number };

export function readTimer(doc: Y.Doc): TimerState | null {
  const t = fac(doc).get('timer') as Partial<TimerState & { endsAt: number; remainingMs: number }> | undefined;
  if (!t || typeof t !== 'object' || typeof t.durationMs !== 'number') return null;
  if (t.status === 'running' && typeof t.endsAt === 'number') return { status: 'running', endsAt: t.endsAt, durationMs: t.durationMs };
  if (t.status === 'paused' && typeof t.remainingMs === 'number') return { status: 'paused', remainingMs: t.remainingMs, durationMs: t.durationMs };
  return null;
}

/** Remaining milliseconds at server time `serverNow` (never negative). */
export function timerRemaining(t: TimerState, serverNow: number): number {
  return Math.max(0, t.status === 'running' ? t.endsAt - serverNow : t.remainingMs);
}

export function startTimer(doc: Y.Doc, durationMs: number, serverNow: number): void {
  set(doc, 'timer', { status: 'running', endsAt: serverNow + durationMs, durationMs });
}
export function pauseTimer(doc: Y.Doc, serverNow: number): void {
  const t = readTimer(doc);
  if (t?.status === 'running') set(doc, 'timer', { status: 'paused', remainingMs: timerRemaining(t, serverNow), durationMs: t.durationMs });
}
export function resumeTimer(doc: Y.Doc, serverNow: number): void {
  const t = readTimer(doc);
  if (t?.status === 'paused') set(doc, 'timer', { status: 'running', endsAt: serverNow + t.remainingMs, durationMs: t.durationMs });
}
export function addTimerTime(doc: Y.Doc, ms: number, serverNow: number): void {
  const t = readTimer(doc);
  if (!t) return startTimer(doc, ms, serverNow);
  if (t.status === 'running') set(doc, 'timer', { ...t, endsAt: Math.max(serverNow, t.endsAt) + ms, durationMs: t.durationMs + ms });
  else set(doc, 'timer', { ...t, remainingMs: t.remainingMs + ms, durationMs: t.durationMs + ms });
}
export function stopTimer(doc: Y.Doc): void {
  set(doc, 'timer', null);
}

/** "Bring everyone here": a board rectangle and a time, so each client jumps once per summon. */
export interface Summon {
  at: number;
  x: number;
  y: number;
  w: number;
  h: number;
}
export function summonEveryone(doc: Y.Doc, rect: Omit<Summon, 'at'>, now: number): void {
  set(doc, 'summon', { ...rect, at: now });
}
export function readSummon(doc: Y.Doc): Summon | null {
  const s = fac(doc).get('summon') as Partial<Summon> | undefined;
  if (!s || typeof s !== 'object') return null;
  const ok = ['at', 'x', 'y', 'w', 'h'].every((k) => typeof (s as Record<string, unknown>)[k] === 'number');
  return ok ? (s as Summon) : null;
}
