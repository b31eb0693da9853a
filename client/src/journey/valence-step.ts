/** Which face a valence gets: rounded to the nearest step and kept within −2..+2. */
export function valenceStep(v: number): -2 | -1 | 0 | 1 | 2 {
  return (Math.max(-2, Math.min(2, Math.round(v))) || 0) as -2 | -1 | 0 | 1 | 2; // no -0
}
