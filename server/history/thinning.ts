import type { VersionEntry } from '../../shared/history/version-types';

const HOUR = 60 * 60 * 1000;
/** Automatic checkpoints younger than this are all kept. */
export const KEEP_ALL_MS = 24 * HOUR;

/**
 * Which automatic checkpoints to delete at `now`: all of the last day are kept, older ones keep the
 * newest of each clock hour (UTC). Named checkpoints are never thinned (they have their own limit).
 * Thinning by the hour bounds a board's automatic checkpoints by the hours it was worked on, which
 * is what a replay or "go back to before lunch" needs, while the last day stays fine-grained.
 */
export function versionsToThin(entries: readonly VersionEntry[], now: number): string[] {
  const newestOfHour = new Map<number, VersionEntry>();
  const old = entries.filter((e) => e.kind !== 'named' && now - e.at > KEEP_ALL_MS);
  for (const e of old) {
    const hour = Math.floor(e.at / HOUR);
    const best = newestOfHour.get(hour);
    if (!best || e.at > best.at || (e.at === best.at && e.id > best.id)) newestOfHour.set(hour, e);
  }
  return old.filter((e) => newestOfHour.get(Math.floor(e.at / HOUR)) !== e).map((e) => e.id);
}
