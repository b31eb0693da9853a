/** Seeded randomness: a failing fuzz run is replayed from its printed seed. */

export interface Rng {
  seed: number;
  next(): number;
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  bytes(n: number): Uint8Array;
}

/** mulberry32: small, fast, good enough for fuzzing; the seed reproduces a run. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
