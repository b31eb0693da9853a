/**
 * Whether a parsed JSON value nests deeper than `limit` (arrays and objects), checked without
 * recursion. Why: validating or converting a value nested 5,000 deep overflows the stack in code that
 * walks it recursively, and that surfaced as a 500; such a body is the client's mistake, a 400.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push({ v: child, depth: depth + 1 });
    }
  }
  return false;
}

/** Deepest nesting a request body may have; a backup needs about ten levels. */
export const MAX_JSON_DEPTH = 64;
