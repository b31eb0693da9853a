import { useId } from 'react';
import { UsersRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PersonaData } from '../../../shared/personas/persona-schema';
import { openPersonas, setPersonaFilter } from './persona-actions';
import { usePersonaFilter, usePersonas } from './persona-store';
import './personas.css';

/**
 * The customer the map is about, over the map: a compact chip (colour, name, segment, quote) that opens
 * the Personas dialog, and with two or more personas, the filter. It floats with the workshop strip, so
 * it never takes height from the map on a phone or a projector. A board without personas shows nothing
 * (the top bar's Personas button adds them).
 */
export function PersonaChips() {
  const active = usePersonas((s) => s.active);
  const count = usePersonas((s) => s.personas.length);
  if (!active) return null;
  return (
    <>
      <PersonaCard persona={active} onOpen={() => openPersonas()} />
      {count > 1 && <PersonaFilter />}
    </>
  );
}

/** The active persona, compact: one line, the whole text in its title and accessible name. */
export function PersonaCard({ persona, onOpen, className = 'strip-chip' }: { persona: PersonaData; onOpen?: () => void; className?: string }) {
  const { t } = useTranslation();
  const body = (
    <>
      <span className="persona-dot" aria-hidden />
      <span className="persona-card-text">
        <span className="sr-only">{t('personas.strip')}: </span>
        <strong>{persona.name}</strong>
        {persona.segment && <span className="strip-sub"> · {persona.segment}</span>}
        {persona.quote && <span className="persona-card-quote"> “{persona.quote}”</span>}
      </span>
    </>
  );
  const style = { '--persona': persona.color } as React.CSSProperties;
  const title = [persona.name, persona.segment, persona.quote && `“${persona.quote}”`].filter(Boolean).join(' · ');
  return onOpen ? (
    <button type="button" className={`${className} persona-card`} style={style} title={title} onClick={onOpen} data-persona-card>
      {body}
    </button>
  ) : (
    <p className={`${className} persona-card`} style={style} title={title} data-persona-card>
      {body}
    </p>
  );
}

function PersonaFilter() {
  const { t } = useTranslation();
  const personas = usePersonas((s) => s.personas);
  const filter = usePersonaFilter();
  const id = useId();
  const chosen = personas.find((p) => p.id === filter);
  return (
    <div className="strip-chip persona-filter" style={chosen ? ({ '--persona': chosen.color } as React.CSSProperties) : undefined}>
      <label htmlFor={id} className="persona-filter-label">
        {t('personas.filter')}
      </label>
      <select id={id} className="select persona-filter-select" value={filter ?? ''} onChange={(e) => setPersonaFilter(e.target.value || null)}>
        <option value="">{t('personas.filterAll')}</option>
        {personas.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {chosen && <span className="sr-only" role="status">{t('personas.filtered', { name: chosen.name })}</span>}
    </div>
  );
}

/** The top bar's Personas button: everyone may read the personas; the dialog offers what one may change. */
export function PersonasButton() {
  const { t } = useTranslation();
  const open = usePersonas((s) => s.dialog?.kind === 'personas');
  return (
    <button type="button" className="icon-button personas-button" aria-label={t('personas.open')} title={t('personas.open')} aria-haspopup="dialog" aria-expanded={open} onClick={() => openPersonas()}>
      <UsersRound aria-hidden size={20} />
    </button>
  );
}
