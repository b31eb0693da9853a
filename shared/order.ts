import { generateKeyBetween } from 'fractional-indexing';

/**
 * Order inside a cell uses fractional-index strings, so a move rewrites one card's `order` and
 * concurrent moves never duplicate cards (as they would in a Y.Array). Two people can produce the
 * same key at once; ties are broken by card id, so every replica sorts the same way.
 */
export function compareByOrder(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order < b.order) return -1;
  if (a.order > b.order) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A key strictly between two neighbours (either may be missing). Tolerates malformed keys. */
export function orderBetween(before: string | undefined, after: string | undefined): string {
  if (before !== undefined && after !== undefined && before >= after) after = undefined;
  // A neighbour written by another program may not be a valid key: fall back to the other one alone.
  const attempts: Array<[string | null, string | null]> = [
    [before ?? null, after ?? null],
    [before ?? null, null],
    [null, after ?? null],
  ];
  for (const [a, b] of attempts) {
    try {
      return generateKeyBetween(a, b);
    } catch {
      /* try the next pair */
    }
  }
  return generateKeyBetween(null, null);
}
