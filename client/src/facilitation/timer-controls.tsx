import { useId, useState } from 'react';
import { Pause, Play, Plus, Square } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { addMinute, pauseSharedTimer, resumeSharedTimer, startTimerMinutes, stopSharedTimer } from './actions';
import { useFacilitation } from './facilitation-store';
import { numberProblem } from './number-check';
import { NumberHint } from './number-hint';

const MAX_TIMER_MINUTES = 240;

/** Facilitator: pause or resume, one more minute, stop. Compact (icons) in the strip, labelled in the panel. */
export function TimerQuickControls({ labelled = false }: { labelled?: boolean }) {
  const { t } = useTranslation();
  const status = useFacilitation((s) => s.timer?.status ?? null);
  if (!status) return null;
  const button = (label: string, icon: React.ReactNode, onClick: () => void) => (
    <button type="button" className={labelled ? 'button' : 'icon-button'} aria-label={labelled ? undefined : label} title={label} onClick={onClick}>
      {icon}
      {labelled && label}
    </button>
  );
  return (
    <div className="timer-controls" role="group" aria-label={t('facilitation.timer.title')}>
      {status === 'running'
        ? button(t('facilitation.timer.pause'), <Pause aria-hidden size={16} />, pauseSharedTimer)
        : button(t('facilitation.timer.resume'), <Play aria-hidden size={16} />, resumeSharedTimer)}
      {button(t('facilitation.timer.addMinute'), <Plus aria-hidden size={16} />, addMinute)}
      {button(t('facilitation.timer.stop'), <Square aria-hidden size={16} />, stopSharedTimer)}
    </div>
  );
}

/** Facilitator: a new countdown of N minutes. */
export function TimerStartForm() {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  const [minutes, setMinutes] = useState('5');
  const value = Number(minutes);
  const problem = numberProblem(minutes, 1, MAX_TIMER_MINUTES);
  const valid = problem === null;
  return (
    <form
      className="fac-row"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) startTimerMinutes(value);
      }}
    >
      <label htmlFor={id}>{t('facilitation.timer.minutes')}</label>
      <input
        id={id}
        className="input fac-number"
        type="number"
        min={1}
        max={MAX_TIMER_MINUTES}
        step={1}
        value={minutes}
        aria-invalid={!valid}
        aria-describedby={hintId}
        onChange={(e) => setMinutes(e.target.value)}
      />
      <button type="submit" className="button button-primary" disabled={!valid}>
        <Play aria-hidden size={16} />
        {t('facilitation.timer.start')}
      </button>
      <NumberHint id={hintId} problem={problem} min={1} max={MAX_TIMER_MINUTES} />
    </form>
  );
}
