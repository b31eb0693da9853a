import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilitationLocks } from '../../../shared/doc/schema';
import { useSession } from '../store/session-store';
import { toggleLock } from './actions';

const LOCKS: Array<{ key: keyof FacilitationLocks; label: 'skeleton' | 'board' | 'cardsOnly' }> = [
  { key: 'skeletonLocked', label: 'skeleton' },
  { key: 'boardLocked', label: 'board' },
  { key: 'cardsOnly', label: 'cardsOnly' },
];

/** The three locks as switches; the server enforces them (docs/roles.md). */
export function LocksSection() {
  const { t } = useTranslation();
  const locks = useSession((s) => s.locks);
  return (
    <section className="fac-section" aria-labelledby="fac-locks-title">
      <h3 id="fac-locks-title">{t('facilitation.locks.title')}</h3>
      {LOCKS.map(({ key, label }) => (
        <LockSwitch
          key={key}
          label={t(`facilitation.locks.${label}`)}
          hint={t(`facilitation.locks.${label}Hint`)}
          checked={locks[key]}
          onChange={(on) => toggleLock(key, on)}
        />
      ))}
    </section>
  );
}

function LockSwitch({ label, hint, checked, onChange }: { label: string; hint: string; checked: boolean; onChange(on: boolean): void }) {
  const id = useId();
  return (
    <div className="fac-switch">
      <input id={id} type="checkbox" role="switch" checked={checked} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
    </div>
  );
}
