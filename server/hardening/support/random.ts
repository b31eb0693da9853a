/** Seeded randomness: a failing fuzz run is replayed from its printed seed. */
import { seededRandom } from '../../../shared/test-support/seeded-random';

export interface Rng {
  seed: number;
  next(): number;
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  bytes(n: number): Uint8Array;
}

/** The shared seeded generator with the helpers fuzzing needs; the seed reproduces a run. */
export function rng(seed: number): Rng {
  const next = seededRandom(seed);
  const r: Rng = {
    seed,
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    bytes: (n) => {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = Math.floor(next() * 256);
      return out;
    },
  };
  return r;
}

export function seedFromEnv(name: string): number {
  const v = process.env[name];
  return v ? Number(v) >>> 0 : (Math.random() * 2 ** 32) >>> 0;
}
