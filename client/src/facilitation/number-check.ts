/** Why a number typed in a facilitation field cannot be used, or null when it can. */
export type NumberProblem = 'empty' | 'not-number' | 'not-whole' | 'too-small' | 'too-large';

export function numberProblem(raw: string, min: number, max: number): NumberProblem | null {
  const text = raw.trim();
  if (text === '') return 'empty';
  const n = Number(text);
  if (!Number.isFinite(n)) return 'not-number';
  if (!Number.isInteger(n)) return 'not-whole';
  if (n < min) return 'too-small';
  if (n > max) return 'too-large';
  return null;
}
