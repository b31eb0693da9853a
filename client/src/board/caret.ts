/**
 * Where the caret should go when someone else changes the text being edited: it keeps its place
 * relative to the words around it. Mirrors the prefix/suffix diff that shared/commands/text.ts writes.
 */
export function transformCaret(prev: string, next: string, caret: number): number {
  if (prev === next) return caret;
  let start = 0;
  const max = Math.min(prev.length, next.length);
  while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (endPrev > start && endNext > start && prev.charCodeAt(endPrev - 1) === next.charCodeAt(endNext - 1)) {
    endPrev--;
    endNext--;
  }
  if (caret <= start) return caret;
  if (caret >= endPrev) return caret + (next.length - prev.length);
  return endNext;
}
