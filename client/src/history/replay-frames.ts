/**
 * Which states a replay shows and when. Pure, so the History panel, the projector and the report pick
 * the same checkpoints and every screen shows the same frame at the same server time.
 */

/** At most this many checkpoints in a replay (each one is a download): the map grows in ~24 steps. */
export const MAX_REPLAY_FRAMES = 24;

/**
 * Up to `max` of the checkpoints, oldest first, spread evenly over the list: the oldest and the newest
 * are always in. Input in any order (the API lists newest first).
 */
export function pickFrames<T extends { at: number; id: string }>(versions: readonly T[], max = MAX_REPLAY_FRAMES): T[] {
  const sorted = [...versions].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  if (sorted.length <= max) return sorted;
  if (max <= 1) return sorted.slice(-1);
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(sorted[Math.round((i * (sorted.length - 1)) / (max - 1))]);
  return out;
}

/**
 * The frame shown `elapsed` ms into a replay of `count` frames lasting `durationMs`: frames share the
 * time evenly and the last one holds once the time is up; before the start, the first one.
 */
export function frameAt(elapsed: number, count: number, durationMs: number): number {
  if (count <= 0) return 0;
  if (!(elapsed > 0)) return 0;
  return Math.min(count - 1, Math.floor((elapsed / durationMs) * count));
}

/** When (ms into the replay) a frame starts: the inverse of frameAt, for a replay resumed from the slider. */
export function frameStart(index: number, count: number, durationMs: number): number {
  return count > 0 ? (Math.max(0, Math.min(index, count - 1)) * durationMs) / count : 0;
}
