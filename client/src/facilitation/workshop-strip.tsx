import { Eye, Lock, ListOrdered, Sparkles, Vote, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { stepTitle } from '../../../shared/commands/agenda';
import { useUiLocale } from '../journey/use-ui-locale';
import { useBoard } from '../store/board-store';
import { usePresence } from '../store/presence-store';
import { useCanEdit, useIsFacilitator, useSession } from '../store/session-store';
import { spotlightStage } from './actions';
import { useFacilitation, usedDots } from './facilitation-store';
import { stopFollowing } from './follow';
import { useNotice } from './notice';
import { MuteButton, TimerDisplay } from './timer-display';
import { TimerQuickControls } from './timer-controls';
import { PersonaChips } from '../personas/persona-chip';
import './facilitation.css';

/**
 * What everyone sees of the running of the room, at the top of the map: the agenda step, the timer,
 * the spotlight, the vote, the locks that apply to me, whom I follow, and short notices.
 */
export function WorkshopStrip() {
  const { t } = useTranslation();
  return (
    <div className="workshop-strip" data-no-pan role="region" aria-label={t('facilitation.strip')}>
      <PersonaChips />
      <AgendaChip />
      <TimerChip />
      <SpotlightChip />
      <VoteChip />
      <LockChip />
      <FollowChip />
      <NoticeChip />
    </div>
  );
}

export function AgendaChip({ className = 'strip-chip' }: { className?: string }) {
  const { t } = useTranslation();
  const lang = useUiLocale();
  const agenda = useFacilitation((s) => s.agenda);
  if (agenda.current === null) return null;
  const step = agenda.steps[agenda.current];
  const text = t('facilitation.agenda.current', { n: agenda.current + 1, total: agenda.steps.length, title: stepTitle(step, lang) });
  return (
    <p className={`${className} agenda-chip`} title={text}>
      <ListOrdered aria-hidden size={16} />
      <span>{text}</span>
    </p>
  );
}

function TimerChip() {
  const facilitator = useIsFacilitator();
  const hasTimer = useFacilitation((s) => !!s.timer);
  if (!hasTimer) return null;
  return (
    <div className="strip-chip timer-chip">
      <TimerDisplay />
      <MuteButton />
      {facilitator && <TimerQuickControls />}
    </div>
  );
}

function SpotlightChip() {
  const { t } = useTranslation();
  const facilitator = useIsFacilitator();
  const spotlight = useFacilitation((s) => s.spotlight);
  const title = useBoard((s) => s.stages.find((st) => st.id === spotlight)?.title);
  if (!spotlight || !title) return null;
  return (
    <p className="strip-chip spotlight-chip">
      <Sparkles aria-hidden size={16} />
      <span>{t('facilitation.spotlight.on', { stage: title })}</span>
      {facilitator && (
        <button type="button" className="icon-button" aria-label={t('facilitation.spotlight.clear')} title={t('facilitation.spotlight.clear')} onClick={() => spotlightStage(null)}>
          <X aria-hidden size={16} />
        </button>
      )}
    </p>
  );
}

function VoteChip() {
  const { t } = useTranslation();
  const vote = useFacilitation((s) => s.vote);
  const used = useFacilitation(usedDots);
  const voters = useFacilitation((s) => s.voters);
  const canVote = useCanEdit();
  const facilitator = useIsFacilitator();
  const role = useSession((s) => s.role);
  const boardLocked = useSession((s) => s.locks.boardLocked);
  if (!vote || vote.revealed || !vote.open) return null;
  let text: string;
  if (canVote) text = t('facilitation.vote.left', { left: vote.dots - used, dots: vote.dots });
  else if (role === 'participant' && boardLocked) text = t('facilitation.vote.locked');
  else text = t('facilitation.vote.inProgress');
  return (
    <p className="strip-chip vote-chip" role="status">
      <Vote aria-hidden size={16} />
      <span>{text}</span>
      {facilitator && <span className="strip-sub">{t('facilitation.vote.voters', { count: voters })}</span>}
      <span className="sr-only">{t('facilitation.vote.hidden')}</span>
    </p>
  );
}

function LockChip() {
  const { t } = useTranslation();
  const role = useSession((s) => s.role);
  const readOnly = useSession((s) => s.readOnly);
  const locks = useSession((s) => s.locks);
  if (role !== 'participant' || readOnly) return null;
  const text = locks.boardLocked ? t('facilitation.locks.boardLockedBanner') : locks.cardsOnly ? t('facilitation.locks.cardsOnlyBanner') : null;
  if (!text) return null;
  return (
    <p className="strip-chip lock-chip" role="status">
      <Lock aria-hidden size={16} />
      <span>{text}</span>
    </p>
  );
}

function FollowChip() {
  const { t } = useTranslation();
  const following = useFacilitation((s) => s.following);
  const name = usePresence((s) => s.peers.find((p) => p.clientId === following)?.name);
  if (following === null || !name) return null;
  return (
    <p className="strip-chip follow-chip">
      <Eye aria-hidden size={16} />
      <span>{t('facilitation.follow.following', { name })}</span>
      <button type="button" className="button strip-button" onClick={stopFollowing}>
        {t('facilitation.follow.stop')}
      </button>
    </p>
  );
}

function NoticeChip() {
  const { t } = useTranslation();
  const notice = useNotice();
  return (
    <p className={`strip-notice${notice ? '' : ' is-empty'}`} role="status">
      {notice ? t(`facilitation.room.${notice}`) : ''}
    </p>
  );
}
