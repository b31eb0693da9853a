import { randomId } from '../doc/ids';

/**
 * A checkpoint's id: its time in base 36 (9 digits, zero-padded: good until the year 5188), then 48
 * random bits. So ids sort like their times (a store lists a board's checkpoints in order by key), and
 * two checkpoints of the same millisecond still differ.
 */
export function versionId(at: number): string {
  return Math.max(0, Math.floor(at)).toString(36).padStart(9, '0') + randomId(6);
}
