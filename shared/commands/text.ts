import type * as Y from 'yjs';

/**
 * The one region where two strings differ: `prev[start, endPrev)` became `next[start, endNext)`,
 * with the common prefix and suffix kept.
 */
export function textDiff(prev: string, next: string): { start: number; endPrev: number; endNext: number } {
  let start = 0;
  const max = Math.min(prev.length, next.length);
  while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (endPrev > start && endNext > start && prev.charCodeAt(endPrev - 1) === next.charCodeAt(endNext - 1)) {
    endPrev--;
    endNext--;
  }
  return { start, endPrev, endNext };
}

/**
 * Turns "the text is now `next`" into the smallest insert/delete on a Y.Text. Editing through diffs (not
 * by replacing the whole string) is what lets two people typing in the same card keep both their words.
 */
export function applyTextChange(ytext: Y.Text, next: string): void {
  const prev = ytext.toString();
  if (prev === next) return;
  const { start, endPrev, endNext } = textDiff(prev, next);
  if (endPrev > start) ytext.delete(start, endPrev - start);
  if (endNext > start) ytext.insert(start, next.slice(start, endNext));
}
