import { useTranslation } from 'react-i18next';
import type { NumberProblem } from './number-check';

/**
 * Says why a number field's value cannot be used (its button is disabled, or the value went back).
 * A status region that is always there, so the reason is announced when it appears.
 */
export function NumberHint({ id, problem, min, max, children }: { id: string; problem: NumberProblem | null; min: number; max: number; children?: string }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="fac-number-hint" role="status">
      {children ?? (problem ? t(`facilitation.numbers.${problem}`, { min, max }) : '')}
    </p>
  );
}
