import { createStore } from 'zustand/vanilla';

/**
 * The server's clock, as this browser estimates it. The shared timer's end time is a server time, so
 * machines whose own clocks disagree still count down together. Each sample is one GET /api/time:
 * the server read its clock somewhere in the round trip, most likely in the middle, so the offset is
 * `serverNow + rtt/2 − receivedAt`. The sample with the shortest round trip has the least doubt.
 */
export interface ClockSample {
  /** Local Date.now() when the request left and when the answer arrived. */
  sentAt: number;
  receivedAt: number;
  serverNow: number;
}

export function estimateOffset(samples: readonly ClockSample[]): number | null {
  let best: ClockSample | null = null;
  for (const s of samples) {
    if (!(s.receivedAt >= s.sentAt) || !Number.isFinite(s.serverNow)) continue;
    if (!best || s.receivedAt - s.sentAt < best.receivedAt - best.sentAt) best = s;
  }
  if (!best) return null;
  return best.serverNow + (best.receivedAt - best.sentAt) / 2 - best.receivedAt;
}

export const clockStore = createStore<{ offset: number; measured: boolean }>(() => ({ offset: 0, measured: false }));

/** Now on the server's clock (this browser's clock until the first measurement). */
export function serverNow(): number {
  return Date.now() + clockStore.getState().offset;
}

async function sample(signal: AbortSignal): Promise<ClockSample | null> {
  const sentAt = Date.now();
  const res = await fetch('/api/time', { cache: 'no-store', signal });
  const receivedAt = Date.now();
  const body = (await res.json().catch(() => null)) as { now?: unknown } | null;
  return res.ok && typeof body?.now === 'number' ? { sentAt, receivedAt, serverNow: body.now } : null;
}

/** Takes a few samples (one after the other, so they do not queue behind each other) and keeps the best estimate. */
export async function measureClock(signal: AbortSignal, count = 5): Promise<void> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < count && !signal.aborted; i++) {
    try {
      const s = await sample(signal);
      if (s) samples.push(s);
    } catch {
      if (signal.aborted) return;
    }
  }
  const offset = estimateOffset(samples);
  if (offset !== null && !signal.aborted) clockStore.setState({ offset, measured: true });
}
