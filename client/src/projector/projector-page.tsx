import { useEffect, useState } from 'react';
import { Maximize, Minimize, Sparkles, Vote, WifiOff } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Route } from '../routing/route';
import { AgendaChip } from '../facilitation/workshop-strip';
import { useFacilitation } from '../facilitation/facilitation-store';
import { facilitatorToFollow } from '../facilitation/follow-math';
import { TimerDisplay } from '../facilitation/timer-display';
import { VoteResults } from '../facilitation/vote-results';
import { openBoard } from '../sync/open-board';
import { useBoard } from '../store/board-store';
import { usePresence } from '../store/presence-store';
import { useSession } from '../store/session-store';
import { ErrorPage, type ErrorKind } from '../status/error-page';
import { LoadingScreen } from '../status/loading-screen';
import { LanguageSelect } from '../ui/language-select';
import { JoinQr } from './join-qr';
import { ProjectorMap } from './projector-map';
import './projector.css';

const FATAL: Record<string, ErrorKind> = { 'bad-token': 'badToken', 'unknown-board': 'unknownBoard', 'no-token': 'noToken' };

/**
 * /b/<id>/projector: the board for the screen in a meeting room. Large type, high contrast, no editing
 * chrome; the agenda step, the timer, the spotlight, the vote results and a QR code to join. It
 * follows the facilitator's view by itself (see projector-map.tsx).
 */
export function ProjectorPage({ route }: { route: Extract<Route, { kind: 'board' }> }) {
  const { t } = useTranslation();
  const fatal = useSession((s) => s.fatal);
  const ready = useSession((s) => s.synced || s.everSynced || s.localLoaded);
  const title = useBoard((s) => s.meta.title);

  useEffect(() => openBoard(route), [route]);
  useEffect(() => {
    const name = t('facilitation.projector.title');
    document.title = title ? `${title} · ${name}` : name;
    return () => {
      document.title = t('app.name');
    };
  }, [title, t]);

  if (fatal) return <ErrorPage kind={FATAL[fatal]} />;
  return (
    <div className="projector">
      <header className="projector-head">
        <h1 className="projector-title">{title}</h1>
        <ProjectorTools />
      </header>
      <main className="projector-main">
        <div className="projector-map">{ready ? <ProjectorMap /> : <LoadingScreen />}</div>
        <ProjectorSide />
      </main>
    </div>
  );
}

function SpotlightNote() {
  const { t } = useTranslation();
  const spotlight = useFacilitation((s) => s.spotlight);
  const stage = useBoard((s) => s.stages.find((st) => st.id === spotlight)?.title);
  if (!stage) return null;
  return (
    <p className="projector-spotlight">
      <Sparkles aria-hidden />
      {t('facilitation.spotlight.on', { stage })}
    </p>
  );
}

function VoteNote() {
  const { t } = useTranslation();
  const open = useFacilitation((s) => !!s.vote?.open);
  if (!open) return null;
  return (
    <p className="projector-vote">
      <Vote aria-hidden />
      {t('facilitation.vote.inProgress')}
    </p>
  );
}

/**
 * The right-hand column, read from the back of the room: the timer, the agenda step, the spotlight,
 * the vote, its results after the reveal, and the QR code to join. Absent when there is none of these.
 */
function ProjectorSide() {
  const { t } = useTranslation();
  const something = useFacilitation((s) => !!s.timer || s.agenda.current !== null || !!s.spotlight || !!s.vote);
  const canJoin = useSession((s) => !!s.links.participant);
  if (!something && !canJoin) return null;
  return (
    <aside className="projector-side" aria-label={t('facilitation.strip')}>
      <TimerDisplay className="projector-timer" />
      <AgendaChip className="projector-step" />
      <SpotlightNote />
      <VoteNote />
      <VoteResults className="projector-results" />
      <JoinQr />
    </aside>
  );
}

/** Connection trouble, "waiting for the facilitator", language and full screen; the tools hide in full screen. */
function ProjectorTools() {
  const { t } = useTranslation();
  const [full, setFull] = useState(() => !!document.fullscreenElement);
  const offline = useSession((s) => s.everSynced && s.socket !== 'connected');
  const alone = usePresence((s) => facilitatorToFollow(s.peers, s.viewports) === null);
  useEffect(() => {
    const onChange = () => setFull(!!document.fullscreenElement);
    const onKey = (e: KeyboardEvent) => {
      if ((e.key === 'f' || e.key === 'F') && !e.ctrlKey && !e.metaKey && !e.altKey && !(e.target instanceof HTMLSelectElement)) toggleFullscreen();
    };
    document.addEventListener('fullscreenchange', onChange);
    window.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
  return (
    <div className="projector-tools">
      <p className="projector-status" role="status">
        {offline ? (
          <>
            <WifiOff aria-hidden size={18} />
            {t('facilitation.projector.reconnecting')}
          </>
        ) : alone ? (
          t('facilitation.projector.waiting')
        ) : (
          ''
        )}
      </p>
      {!full && (
        <>
          <LanguageSelect />
          <button type="button" className="projector-fullscreen" aria-keyshortcuts="F" onClick={toggleFullscreen}>
            <Maximize aria-hidden size={18} />
            {t('facilitation.projector.fullscreen')}
          </button>
        </>
      )}
      {full && (
        <button type="button" className="projector-fullscreen sr-only-until-focus" aria-keyshortcuts="F" onClick={toggleFullscreen}>
          <Minimize aria-hidden size={18} />
          {t('facilitation.projector.exitFullscreen')}
        </button>
      )}
    </div>
  );
}

function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}
