import type * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../doc/origin';
import { ROOT } from '../doc/schema';

/**
 * The replay on the projector (key `replay` of the `facilitation` root, so only facilitators write it,
 * like the spotlight; the server drops anyone else's write, server/rooms/write-rules.ts): when it
 * started on the server's clock and how long it lasts. Every screen showing it computes the same frame
 * from the server's time (client/src/history/replay-frames.ts), so a projector that joins late catches up.
 */
export const REPLAY_KEY = 'replay';
/** How long a replay lasts: the map's growth in about 30 seconds. */
export const REPLAY_MS = 30_000;

export interface ReplayCue {
  startedAt: number;
  durationMs: number;
}

export function readReplay(doc: Y.Doc): ReplayCue | null {
  const v = doc.getMap<unknown>(ROOT.facilitation).get(REPLAY_KEY) as Partial<ReplayCue> | undefined;
  if (!v || typeof v !== 'object') return null;
  const { startedAt, durationMs } = v;
  if (typeof startedAt !== 'number' || !Number.isFinite(startedAt)) return null;
  if (typeof durationMs !== 'number' || !(durationMs >= 1000 && durationMs <= 600_000)) return null;
  return { startedAt, durationMs };
}

/** Facilitator: starts the replay on every projector now (server time). */
export function startReplay(doc: Y.Doc, serverNow: number, durationMs = REPLAY_MS): void {
  doc.transact(() => doc.getMap<unknown>(ROOT.facilitation).set(REPLAY_KEY, { startedAt: serverNow, durationMs }), LOCAL_ORIGIN);
}

/** Facilitator: the projectors go back to the live map. */
export function stopReplay(doc: Y.Doc): void {
  const fac = doc.getMap<unknown>(ROOT.facilitation);
  if (fac.has(REPLAY_KEY)) doc.transact(() => fac.delete(REPLAY_KEY), LOCAL_ORIGIN);
}
