import { useEffect, useState } from 'react';
import { stepStage } from '../facilitation/actions';
import { Maximize, Minimize, Sparkles, Vote, WifiOff } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Route } from '../routing/route';
import { AgendaChip } from '../facilitation/workshop-strip';
import { PersonaCard } from '../personas/persona-chip';
import { usePersonas } from '../personas/persona-store';
import { useFacilitation } from '../facilitation/facilitation-store';
import { VoteResults } from '../facilitation/vote-results';
import { openBoard } from '../sync/open-board';
import { useBoard } from '../store/board-store';
import { useSession } from '../store/session-store';
import { ErrorPage, type ErrorKind } from '../status/error-page';
import { LoadingScreen } from '../status/loading-screen';
import { LanguageSelect } from '../ui/language-select';
import { ProjectedInsight } from '../insights/projected-insight';
import { ProjectorReplay } from '../history/projector-replay';
import { JoinQr } from './join-qr';
import { ProjectorMap } from './projector-map';
import './projector.css';

const FATAL: Record<string, ErrorKind> = { 'bad-token': 'badToken', 'unknown-board': 'unknownBoard', 'no-token': 'noToken' };

/**
 * /b/<id>/projector: the board for the screen in a meeting room. Large type, high contrast, no editing
 * chrome. The map takes the screen, with its own camera (projector-map.tsx); the title, the persona and
 * a small QR code to join sit in the head, with a second row for the agenda step, the spotlight and the
 * vote while there are any (the timer has the map's corner), and the vote results come over the map
 * only once revealed. ← → and Page Up/Down step through the stages (a facilitator's link).
 */
export function ProjectorPage({ route }: { route: Extract<Route, { kind: 'board' }> }) {
  const { t } = useTranslation();
  const fatal = useSession((s) => s.fatal);
  const ready = useSession((s) => s.synced || s.everSynced || s.localLoaded);
  const title = useBoard((s) => s.meta.title);

  useEffect(() => openBoard(route), [route]);
  useSlideKeys();
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
      <header className={`projector-head${useRoomState() ? ' has-state' : ''}`}>
        <h1 className="projector-title">{title}</h1>
        <ProjectorPersona />
        <ProjectorStatus />
        <JoinQr />
        <ProjectorTools />
      </header>
      <main className="projector-main">
        <div className="projector-map">{ready ? <ProjectorMap /> : <LoadingScreen />}</div>
        <VoteResults className="projector-results" />
        <ProjectedInsight />
        <ProjectorReplay />
      </main>
    </div>
  );
}

/**
 * The customer the map is about, in the head's first row: colour, name and segment (wrapping, never
 * cut), and up to two lines of the quote while the room has no state to show (then the whole quote
 * stays in the card's title and accessible name).
 */
function ProjectorPersona() {
  const active = usePersonas((s) => s.active);
  return active ? (
    <div className="projector-persona-box">
      <PersonaCard persona={active} className="projector-persona" />
    </div>
  ) : null;
}

/**
 * Whether the room has a state to show (agenda step, spotlight, vote). Then the head takes two rows
 * (projector.css `.has-state`): the board's title and persona on the first, the room's state on the
 * second, each chip whole on one line; the QR code spans both. One bar of 1280 px cannot hold a title, a
 * persona, "Passo 5 di 6: Idee: miglioramenti piccoli e rapidi" and a vote without cutting some of it.
 */
function useRoomState(): boolean {
  return useFacilitation((s) => s.agenda.current !== null || !!s.spotlight || !!s.vote?.open);
}

function SpotlightNote() {
  const { t } = useTranslation();
  const spotlight = useFacilitation((s) => s.spotlight);
  const stage = useBoard((s) => s.stages.find((st) => st.id === spotlight)?.title);
  if (!stage) return null;
  return (
    <p className="projector-spotlight">
      <Sparkles aria-hidden />
      <span>{t('facilitation.spotlight.on', { stage })}</span>
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
      <span>{t('facilitation.vote.inProgress')}</span>
    </p>
  );
}

/**
 * The room's state in the title bar, read from the back of the room: the agenda step, the spotlight,
 * the vote (the timer has the corner above the lane names, projector-map.tsx). Each takes room only
 * while it has something to say.
 */
function ProjectorStatus() {
  const { t } = useTranslation();
  const something = useFacilitation((s) => s.agenda.current !== null || !!s.spotlight || !!s.vote?.open);
  if (!something) return null;
  return (
    <section className="projector-status-bar" aria-label={t('facilitation.strip')}>
      <AgendaChip className="projector-step" />
      <SpotlightNote />
      <VoteNote />
    </section>
  );
}

/** Arrow keys and Page Up/Down (a presenter's clicker) step through the stages, as with slides. */
function useSlideKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.target instanceof HTMLSelectElement) return;
      const dir = e.key === 'ArrowRight' || e.key === 'PageDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'PageUp' ? -1 : 0;
      if (!dir) return;
      e.preventDefault();
      stepStage(dir);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Connection trouble, language and full screen; the tools hide in full screen. */
function ProjectorTools() {
  const { t } = useTranslation();
  const [full, setFull] = useState(() => !!document.fullscreenElement);
  const offline = useSession((s) => s.everSynced && s.socket !== 'connected');
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
        ) : (
          ''
        )}
      </p>
      {!full && (
        <>
          <LanguageSelect />
          <button
            type="button"
            className="projector-fullscreen"
            aria-keyshortcuts="F"
            aria-label={t('facilitation.projector.fullscreen')}
            title={`${t('facilitation.projector.fullscreen')} (F)`}
            onClick={toggleFullscreen}
          >
            <Maximize aria-hidden size={20} />
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
