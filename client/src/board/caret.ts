import { textDiff } from '../../../shared/commands/text';

/**
 * Where the caret should go when someone else changes the text being edited: it keeps its place
 * relative to the words around it, using the same prefix/suffix diff the text commands write.
 */
export function transformCaret(prev: string, next: string, caret: number): number {
  if (prev === next) return caret;
  const { start, endPrev, endNext } = textDiff(prev, next);
  if (caret <= start) return caret;
  if (caret >= endPrev) return caret + (next.length - prev.length);
  return endNext;
}
