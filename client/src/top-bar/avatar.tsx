import { initialsOf } from '../lib/name-color';

/** A person's initials on their colour. Decorative: the name is always written next to it or in a label. */
export function Avatar({ name, color, size = 28 }: { name: string; color: string; size?: number }) {
  return (
    <span className="avatar" aria-hidden style={{ background: color, width: size, height: size, fontSize: size * 0.4 }}>
      {initialsOf(name)}
    </span>
  );
}
