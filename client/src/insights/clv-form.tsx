import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLV_FIELDS,
  checkClvForm,
  checkClvStored,
  clvFormText,
  type ClvField,
  type ClvFormText,
  type ClvProblem,
  type ClvStored,
} from '../../../shared/insights/clv-schema';
import { useFacilitation } from '../facilitation/facilitation-store';
import { useUiLocale } from '../journey/use-ui-locale';
import { saveClvInputs } from './clv-actions';

type FormField = ClvField | 'currency';

/** What follows each input: the board's currency for amounts, % for rates. */
function unitOf(field: ClvField, currency: string, units: { perYear: string; perCustomer: string; percent: string }): string {
  if (field === 'orderValue' || field === 'acquisitionCost') return currency || '—';
  if (field === 'purchasesPerYear') return units.perYear;
  if (field === 'referrals') return units.perCustomer;
  return units.percent;
}

/**
 * The facilitator's CLV inputs: one field per input with its unit, numbers typed the Italian or the
 * English way, checked as a whole on "Save" (Enter in any field) with each reason next to its field in
 * the reader's language. Saved whole into `facilitation.clv`, so everyone sees the new numbers at once.
 * While nobody edits, the form follows the stored value (another facilitator's save shows here too).
 */
export function ClvForm() {
  const { t } = useTranslation();
  const lang = useUiLocale();
  const raw = useFacilitation((s) => s.clv);
  const stored: ClvStored | null = (() => {
    const r = raw === undefined || raw === null ? null : checkClvStored(raw);
    return r && r.ok ? r.value : null;
  })();
  const storedKey = JSON.stringify(stored);
  const [text, setText] = useState<ClvFormText>(() => clvFormText(stored, lang));
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<ClvProblem[]>([]);
  const [status, setStatus] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const base = useId();

  // Follow the document while the facilitator has not started editing.
  useEffect(() => {
    if (!dirty) setText(clvFormText(stored, lang));
  }, [storedKey, lang, dirty]);

  const problemOf = (f: FormField) => problems.find((p) => p.field === f);
  const change = (f: FormField, value: string) => {
    setText((prev) => ({ ...prev, [f]: value }));
    setDirty(true);
    setStatus('');
    if (problemOf(f)) setProblems((ps) => ps.filter((p) => p.field !== f));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = checkClvForm(text);
    if (!r.ok) {
      setProblems(r.problems);
      const fields = new Set(r.problems.map((p) => p.field));
      setStatus(t('insights.clv.form.notSaved', { count: fields.size }));
      const first = r.problems[0]?.field;
      if (first) formRef.current?.querySelector<HTMLInputElement>(`[data-field="${first}"]`)?.focus();
      return;
    }
    setProblems([]);
    if (stored && JSON.stringify(r.value) === storedKey) {
      setDirty(false);
      setStatus(t('insights.clv.form.unchanged'));
      return;
    }
    if (saveClvInputs(r.value)) {
      setDirty(false);
      setStatus(t('insights.clv.form.saved'));
    }
  };

  const reset = () => {
    setText(clvFormText(stored, lang));
    setProblems([]);
    setDirty(false);
    setStatus('');
  };

  const input = (f: FormField, label: string, unit: string | null, help: string | null) => {
    const id = `${base}-${f}`;
    const p = problemOf(f);
    const describedBy = [unit ? `${id}-unit` : '', help ? `${id}-help` : '', p ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div className={`clv-field${p ? ' has-problem' : ''}`} key={f}>
        <label htmlFor={id}>{label}</label>
        <div className="clv-input-row">
          <input
            id={id}
            data-field={f}
            className="input"
            inputMode={f === 'currency' ? 'text' : 'decimal'}
            autoComplete="off"
            spellCheck={false}
            maxLength={f === 'currency' ? 3 : 24}
            value={text[f] ?? ''}
            aria-invalid={p ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => change(f, e.currentTarget.value)}
          />
          {unit && (
            <span id={`${id}-unit`} className="clv-unit">
              {unit}
            </span>
          )}
        </div>
        {help && (
          <p id={`${id}-help`} className="hint clv-help">
            {help}
          </p>
        )}
        {p && (
          <p id={`${id}-error`} className="error-text clv-error">
            {p.message[lang]}
          </p>
        )}
      </div>
    );
  };

  const currency = (text.currency ?? '').trim().toUpperCase();
  const units = { perYear: t('insights.clv.unit.perYear'), perCustomer: t('insights.clv.unit.perCustomer'), percent: t('insights.clv.unit.percent') };
  return (
    <form ref={formRef} className="clv-form" noValidate onSubmit={submit} aria-labelledby={`${base}-title`}>
      <h4 id={`${base}-title`}>{t('insights.clv.form.title')}</h4>
      {input('currency', t('insights.clv.form.currency'), null, t('insights.clv.form.currencyHint'))}
      {CLV_FIELDS.map((f) => input(f, t(`insights.clv.field.${f}`), unitOf(f, currency, units), t(`insights.clv.help.${f}`)))}
      {problems.some((p) => p.field === '') && <p className="error-text">{problems.find((p) => p.field === '')!.message[lang]}</p>}
      <div className="clv-form-actions">
        <button type="submit" className="button button-primary">
          {t('insights.clv.form.save')}
        </button>
        {dirty && (
          <button type="button" className="button" onClick={reset}>
            {t('insights.clv.form.reset')}
          </button>
        )}
      </div>
      <p className="clv-form-status" role="status">
        {status}
      </p>
    </form>
  );
}
