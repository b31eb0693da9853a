import { Bell, BellOff, Timer as TimerIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { timerRemaining } from '../../../shared/commands/facilitation';
import { setChimeMuted, useChimeMuted } from './chime';
import { useFacilitation } from './facilitation-store';
import { formatRemaining } from './format-time';
import { useServerNow } from './use-server-now';

/**
 * The shared countdown as everyone sees it: the same remaining time on every screen, computed from the
 * end time on the server's clock. At zero it pulses (and chimes, see start-facilitation.ts).
 * `role="timer"` is not live: screen readers read it on demand, not every second.
 */
export function TimerDisplay({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  const timer = useFacilitation((s) => s.timer);
  const ringing = useFacilitation((s) => s.ringing);
  const now = useServerNow(timer?.status === 'running');
  if (!timer) return null;
  const left = timerRemaining(timer, now);
  const done = left <= 0;
  const fraction = timer.durationMs > 0 ? Math.min(1, left / timer.durationMs) : 0;
  const classes = ['timer', `is-${timer.status}`, done && 'is-done', ringing && 'is-ringing', className].filter(Boolean).join(' ');
  return (
    <div className={classes} style={{ ['--timer-left' as string]: fraction }}>
      <TimerIcon aria-hidden className="timer-icon" />
      <span role="timer" aria-label={t('facilitation.timer.label')} className="timer-value">
        {formatRemaining(left)}
      </span>
      {timer.status === 'paused' && !done && <span className="timer-state">{t('facilitation.timer.paused')}</span>}
      <span className="timer-state timer-done" role="status">
        {done ? t('facilitation.timer.done') : ''}
      </span>
      <span className="timer-bar" aria-hidden />
    </div>
  );
}

/** Each person mutes the chime for themselves. */
export function MuteButton() {
  const { t } = useTranslation();
  const muted = useChimeMuted();
  return (
    <button
      type="button"
      className="icon-button"
      aria-pressed={muted}
      aria-label={t('facilitation.timer.mute')}
      title={t('facilitation.timer.mute')}
      onClick={() => setChimeMuted(!muted)}
    >
      {muted ? <BellOff aria-hidden size={16} /> : <Bell aria-hidden size={16} />}
    </button>
  );
}
