/**
 * A person's colour, derived from their name so it stays the same on every device and nobody has to
 * pick one. All colours carry white text at WCAG AA contrast (name tags, avatars).
 */
export const PEOPLE_COLORS = [
  '#c2410c', '#b91c1c', '#be185d', '#a21caf', '#7e22ce', '#4338ca',
  '#1d4ed8', '#0369a1', '#0f766e', '#15803d', '#4d7c0f', '#a16207',
] as const;

export function colorForName(name: string): string {
  let h = 2166136261;
  for (const ch of name.trim().toLowerCase()) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 16777619);
  }
  return PEOPLE_COLORS[(h >>> 0) % PEOPLE_COLORS.length];
}

/** One or two letters for an avatar. */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = Array.from(parts[0])[0] ?? '';
  const second = parts.length > 1 ? (Array.from(parts[parts.length - 1])[0] ?? '') : '';
  return (first + second).toUpperCase();
}
