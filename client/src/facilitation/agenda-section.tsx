import { useId, useState } from 'react';
import { ChevronLeft, ChevronRight, Play, Plus, RotateCcw, Trash } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { MAX_STEP_MINUTES, MAX_STEP_TITLE, newStep, stepTitle, type AgendaStep } from '../../../shared/commands/agenda';
import { useUiLocale } from '../journey/use-ui-locale';
import { goToAgendaStep, restoreDefaultAgenda, saveAgenda } from './actions';
import { useFacilitation } from './facilitation-store';
import { numberProblem } from './number-check';
import { NumberHint } from './number-hint';

/**
 * Facilitator: the workshop's steps, each time-boxed. "Go to" makes a step current for everyone and
 * starts the timer with its minutes. Titles and minutes are edited in place and saved on leaving the field.
 */
export function AgendaSection() {
  const { t } = useTranslation();
  const lang = useUiLocale();
  const agenda = useFacilitation((s) => s.agenda);
  const { steps, current } = agenda;
  const update = (i: number, patch: Partial<AgendaStep>) => saveAgenda(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  // A step's minutes that could not be used go back to what they were; this says why.
  const hintId = useId();
  const [reverted, setReverted] = useState('');

  return (
    <section className="fac-section" aria-labelledby="fac-agenda-title">
      <h3 id="fac-agenda-title">{t('facilitation.agenda.title')}</h3>
      <p className="fac-status">
        {current === null
          ? t('facilitation.agenda.notStarted')
          : t('facilitation.agenda.current', { n: current + 1, total: steps.length, title: stepTitle(steps[current], lang) })}
      </p>
      <div className="fac-row">
        <button type="button" className="button" disabled={current === null || current === 0} onClick={() => current !== null && goToAgendaStep(current - 1)}>
          <ChevronLeft aria-hidden size={16} />
          {t('facilitation.agenda.previous')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={current !== null && current >= steps.length - 1}
          onClick={() => goToAgendaStep(current === null ? 0 : current + 1)}
        >
          {t('facilitation.agenda.next')}
          <ChevronRight aria-hidden size={16} />
        </button>
      </div>
      <ol className="fac-agenda">
        {steps.map((step, i) => {
          const title = stepTitle(step, lang);
          const n = i + 1;
          return (
            <li key={`${step.id}/${i}`} className={i === current ? 'is-current' : undefined} aria-current={i === current ? 'step' : undefined}>
              <button type="button" className="icon-button fac-go" aria-label={t('facilitation.agenda.goTo', { n, title })} title={t('facilitation.agenda.goTo', { n, title })} onClick={() => goToAgendaStep(i)}>
                <span className="fac-step-n" aria-hidden>
                  {n}
                </span>
                <Play aria-hidden size={12} />
              </button>
              <input
                key={`t-${title}`}
                className="input fac-step-title"
                aria-label={t('facilitation.agenda.stepTitle', { n })}
                defaultValue={title}
                maxLength={MAX_STEP_TITLE}
                onBlur={(e) => {
                  const v = e.currentTarget.value.trim();
                  if (v && v !== title) update(i, { title: v });
                  else e.currentTarget.value = title;
                }}
                onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
              />
              <input
                key={`m-${step.minutes}`}
                className="input fac-step-minutes"
                type="number"
                min={0}
                max={MAX_STEP_MINUTES}
                aria-label={t('facilitation.agenda.stepMinutes', { n })}
                aria-describedby={hintId}
                defaultValue={step.minutes}
                onBlur={(e) => {
                  const raw = e.currentTarget.value;
                  const problem = numberProblem(raw, 0, MAX_STEP_MINUTES);
                  setReverted(problem ? t('facilitation.numbers.reverted', { n, kept: step.minutes, reason: t(`facilitation.numbers.${problem}`, { min: 0, max: MAX_STEP_MINUTES }) }) : '');
                  const v = Number(raw);
                  if (!problem && v !== step.minutes) update(i, { minutes: v });
                  else e.currentTarget.value = String(step.minutes);
                }}
                onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
              />
              <button
                type="button"
                className="icon-button danger"
                aria-label={t('facilitation.agenda.remove', { n })}
                title={t('facilitation.agenda.remove', { n })}
                disabled={steps.length <= 1}
                onClick={() => saveAgenda(steps.filter((_, j) => j !== i))}
              >
                <Trash aria-hidden size={14} />
              </button>
            </li>
          );
        })}
      </ol>
      <NumberHint id={hintId} problem={null} min={0} max={MAX_STEP_MINUTES}>
        {reverted}
      </NumberHint>
      <div className="fac-row">
        <button type="button" className="button" onClick={() => saveAgenda([...steps, newStep(t('facilitation.agenda.newStep'))])}>
          <Plus aria-hidden size={16} />
          {t('facilitation.agenda.add')}
        </button>
        {agenda.custom && (
          <button type="button" className="button" onClick={restoreDefaultAgenda}>
            <RotateCcw aria-hidden size={16} />
            {t('facilitation.agenda.reset')}
          </button>
        )}
      </div>
    </section>
  );
}
