import { useState } from 'react';
import { Check, Pencil, Plus, Star, Trash } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { MAX_PERSONAS, PERSONA_COLORS, PERSONA_LIMITS, type PersonaData } from '../../../shared/personas/persona-schema';
import { useCard } from '../store/board-store';
import { useSession } from '../store/session-store';
import { Modal } from '../ui/modal';
import { canChooseActive, canEditPersonas, chooseActivePersona, closePersonaDialog, createPersona, openPersonas, removePersona, savePersona, tagCard } from './persona-actions';
import { usePersonas } from './persona-store';
import './personas.css';

/** Names of the palette colours, in PERSONA_COLORS order (for accessible names). */
export const PERSONA_COLOR_NAMES = ['blue', 'orange', 'green', 'purple', 'red', 'olive', 'brown', 'slate'] as const;
export const colorName = (color: string) => PERSONA_COLOR_NAMES[Math.max(0, PERSONA_COLORS.indexOf(color as PersonaData['color']))];

/**
 * The Personas dialog: the list (choose the one shown above the map, edit, delete with a confirmation,
 * add), and the form for one persona. Read-only for those the server would refuse (docs/roles.md).
 */
export function PersonasDialog() {
  const { t } = useTranslation();
  const dialog = usePersonas((s) => (s.dialog?.kind === 'personas' ? s.dialog : null));
  if (!dialog) return null;
  const editing = dialog.editing;
  return (
    <Modal title={t('personas.title')} onClose={closePersonaDialog} className="personas-dialog">
      <div className="modal-body">{editing ? <PersonaForm key={editing} id={editing} /> : <PersonaList />}</div>
    </Modal>
  );
}

function PersonaList() {
  const { t } = useTranslation();
  const personas = usePersonas((s) => s.personas);
  const active = usePersonas((s) => s.active?.id ?? null);
  const mayEdit = useSession(canEditPersonas);
  const mayChoose = useSession(canChooseActive);
  const [confirming, setConfirming] = useState<PersonaData | null>(null);
  if (confirming) {
    return (
      <>
        <p>{t('personas.confirmDelete', { name: confirming.name })}</p>
        <div className="modal-actions">
          <button type="button" className="button" autoFocus onClick={() => setConfirming(null)}>
            {t('personas.cancel')}
          </button>
          <button
            type="button"
            className="button button-danger"
            onClick={() => {
              removePersona(confirming.id);
              setConfirming(null);
            }}
          >
            {t('personas.confirm')}
          </button>
        </div>
      </>
    );
  }
  return (
    <>
      <p className="hint">{t('personas.intro')}</p>
      {!mayEdit && <p className="hint">{t('personas.readOnly')}</p>}
      {personas.length === 0 && <p>{t('personas.none')}</p>}
      <ul className="persona-list">
        {personas.map((p) => (
          <li key={p.id} className="persona-item" style={{ '--persona': p.color } as React.CSSProperties}>
            <PersonaSummary persona={p} />
            <div className="persona-item-actions">
              {active === p.id ? (
                <span className="badge persona-active">
                  <Check aria-hidden size={14} />
                  {t('personas.active')}
                </span>
              ) : (
                mayChoose && (
                  <button type="button" className="icon-button" aria-label={t('personas.makeActive', { name: p.name })} title={t('personas.makeActive', { name: p.name })} onClick={() => chooseActivePersona(p.id)}>
                    <Star aria-hidden size={18} />
                  </button>
                )
              )}
              {mayEdit && (
                <>
                  <button type="button" className="icon-button" aria-label={t('personas.edit', { name: p.name })} title={t('personas.edit', { name: p.name })} onClick={() => openPersonas(p.id)}>
                    <Pencil aria-hidden size={18} />
                  </button>
                  <button type="button" className="icon-button danger" aria-label={t('personas.delete', { name: p.name })} title={t('personas.delete', { name: p.name })} onClick={() => setConfirming(p)}>
                    <Trash aria-hidden size={18} />
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      {mayEdit &&
        (personas.length < MAX_PERSONAS ? (
          <button type="button" className="button button-primary" onClick={() => openPersonas('new')}>
            <Plus aria-hidden size={18} />
            {t('personas.add')}
          </button>
        ) : (
          <p className="hint">{t('personas.full', { max: MAX_PERSONAS })}</p>
        ))}
    </>
  );
}

/** A persona's facts as text: name and segment, description, goals, frustrations, quote. */
export function PersonaSummary({ persona }: { persona: PersonaData }) {
  const { t } = useTranslation();
  const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
  return (
    <div className="persona-summary">
      <p className="persona-name">
        <span className="persona-dot" aria-hidden />
        <strong>{persona.name}</strong>
        {persona.segment && <span className="persona-segment"> · {persona.segment}</span>}
      </p>
      {persona.description && <p>{persona.description}</p>}
      {lines(persona.goals).length > 0 && (
        <div>
          <p className="persona-label">{t('personas.summary.goals')}</p>
          <ul>{lines(persona.goals).map((g, i) => <li key={i}>{g}</li>)}</ul>
        </div>
      )}
      {lines(persona.frustrations).length > 0 && (
        <div>
          <p className="persona-label">{t('personas.summary.frustrations')}</p>
          <ul>{lines(persona.frustrations).map((g, i) => <li key={i}>{g}</li>)}</ul>
        </div>
      )}
      {persona.quote && <blockquote className="persona-quote">“{persona.quote}”</blockquote>}
    </div>
  );
}

type Draft = Pick<PersonaData, 'name' | 'segment' | 'description' | 'goals' | 'frustrations' | 'quote' | 'color'>;

function PersonaForm({ id }: { id: string | 'new' }) {
  const { t } = useTranslation();
  const personas = usePersonas((s) => s.personas);
  const existing = personas.find((p) => p.id === id);
  const free = PERSONA_COLORS.find((c) => !personas.some((p) => p.color === c)) ?? PERSONA_COLORS[0];
  const [draft, setDraft] = useState<Draft>(
    existing ?? { name: '', segment: '', description: '', goals: '', frustrations: '', quote: '', color: free },
  );
  const [error, setError] = useState(false);
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));
  const field = (k: Exclude<keyof Draft, 'color'>, multiline: boolean) => (
    <div className="field">
      <label htmlFor={`persona-${k}`}>{t(`personas.fields.${k}`)}</label>
      {multiline ? (
        <textarea id={`persona-${k}`} className="input" rows={3} maxLength={PERSONA_LIMITS[k]} value={draft[k]} onChange={set(k)} />
      ) : (
        <input
          id={`persona-${k}`}
          className="input"
          maxLength={PERSONA_LIMITS[k]}
          value={draft[k]}
          onChange={set(k)}
          autoFocus={k === 'name'}
          aria-invalid={k === 'name' && error ? true : undefined}
          aria-describedby={k === 'name' && error ? 'persona-name-error' : undefined}
        />
      )}
      {k === 'name' && error && (
        <p id="persona-name-error" className="error-text">
          {t('personas.nameRequired')}
        </p>
      )}
    </div>
  );
  return (
    <form
      className="persona-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!draft.name.trim()) return setError(true);
        if (id === 'new') createPersona(draft);
        else savePersona(id, draft);
        openPersonas();
      }}
    >
      {field('name', false)}
      {field('segment', false)}
      {field('description', true)}
      {field('goals', true)}
      {field('frustrations', true)}
      {field('quote', false)}
      <fieldset className="persona-colors">
        <legend className="field-label">{t('personas.fields.color')}</legend>
        {PERSONA_COLORS.map((c, i) => (
          <label key={c} className="persona-swatch" style={{ background: c }} title={t(`personas.colors.${PERSONA_COLOR_NAMES[i]}`)}>
            <input type="radio" name="persona-color" value={c} checked={draft.color === c} onChange={() => setDraft((d) => ({ ...d, color: c }))} aria-label={t(`personas.colors.${PERSONA_COLOR_NAMES[i]}`)} />
            {draft.color === c && <Check aria-hidden size={18} color="#fff" />}
          </label>
        ))}
      </fieldset>
      <div className="modal-actions">
        <button type="button" className="button" onClick={() => openPersonas()}>
          {t('personas.back')}
        </button>
        <button type="submit" className="button button-primary">
          {t('personas.save')}
        </button>
      </div>
    </form>
  );
}

/** "Which customer type is this card about?": every persona, or one of them. */
export function TagCardDialog() {
  const { t } = useTranslation();
  const dialog = usePersonas((s) => (s.dialog?.kind === 'tag' ? s.dialog : null));
  const personas = usePersonas((s) => s.personas);
  const card = useCard(dialog?.cardId ?? '');
  const current = personas.find((p) => p.id === card?.persona)?.id ?? null;
  if (!dialog) return null;
  const choose = (id: string | null) => {
    tagCard(dialog.cardId, id);
    closePersonaDialog();
  };
  return (
    <Modal title={t('personas.tagTitle')} onClose={closePersonaDialog}>
      <div className="modal-body">
        <div className="persona-tag-options" role="group" aria-label={t('personas.tagTitle')}>
          <button type="button" className="button persona-tag-option" aria-pressed={current === null} onClick={() => choose(null)} autoFocus={current === null}>
            {t('personas.tagEveryone')}
          </button>
          {personas.map((p) => (
            <button
              key={p.id}
              type="button"
              className="button persona-tag-option"
              style={{ '--persona': p.color } as React.CSSProperties}
              aria-pressed={current === p.id}
              autoFocus={current === p.id}
              onClick={() => choose(p.id)}
            >
              <span className="persona-dot" aria-hidden />
              {p.name}
            </button>
          ))}
        </div>
      </div>
    </Modal>
  );
}
