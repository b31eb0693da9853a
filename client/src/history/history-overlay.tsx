import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { History, List, Pause, Play, Projector, Square, Undo2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { changeByCard } from '../../../shared/history/board-changes';
import { useFacilitation } from '../facilitation/facilitation-store';
import { useIsFacilitator } from '../store/session-store';
import { contentOf, contentWithRemoved } from './board-content';
import { CheckpointMap } from './checkpoint-map';
import { backToLive, projectReplay, showList } from './history-actions';
import { NOW, useHistory } from './history-store';
import { ReplayStage, useFrameCaption } from './replay-stage';
import { useComparison } from './use-comparison';
import { useReplay } from './use-replay';
import { checkpointTime } from './version-words';
import './history.css';

/**
 * Over the live map while the History panel shows something else: a checkpoint read-only, the changes
 * between two states, or the replay. A banner says what is shown and leads back to the live board
 * (also Escape). The live board keeps running underneath: nothing here writes to it.
 */
export function HistoryOverlay() {
  const view = useHistory((s) => s.view);
  if (!view) return null;
  return (
    <div className="history-overlay">
      {view.kind === 'checkpoint' && <CheckpointView id={view.id} />}
      {view.kind === 'compare' && <CompareView />}
      {view.kind === 'replay' && <ReplayView />}
    </div>
  );
}

function useTimeOf(id: string): string {
  const { t, i18n } = useTranslation();
  const at = useHistory((s) => s.list.versions.find((v) => v.id === id)?.at ?? s.files[id]?.exportedAt);
  if (id === NOW) return t('boardHistory.now');
  return at === undefined ? '…' : checkpointTime(at, i18n.language);
}

function Banner({ children, tools }: { children: ReactNode; tools?: ReactNode }) {
  const { t } = useTranslation();
  const listHidden = useHistory((s) => s.listHidden);
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !(e.target instanceof HTMLInputElement) && !document.querySelector('dialog[open]')) backToLive();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="history-banner">
      <p className="history-banner-text" role="status">
        <History aria-hidden size={18} />
        <span>{children}</span>
      </p>
      {tools}
      {listHidden && (
        <button type="button" className="button" onClick={showList}>
          <List aria-hidden size={16} />
          {t('boardHistory.view.showList')}
        </button>
      )}
      <button type="button" className="button button-primary history-back" ref={back} aria-keyshortcuts="Escape" onClick={backToLive}>
        <Undo2 aria-hidden size={16} />
        {t('boardHistory.view.back')}
      </button>
    </div>
  );
}

function CheckpointView({ id }: { id: string }) {
  const { t } = useTranslation();
  const time = useTimeOf(id);
  const file = useHistory((s) => s.files[id]);
  const failed = useHistory((s) => s.fetching[id] === 'error');
  const content = useMemo(() => (file ? contentOf(file.board) : null), [file]);
  return (
    <>
      <Banner>
        {t('boardHistory.view.checkpoint', { time })} <span className="badge">{t('boardHistory.view.readOnly')}</span>
      </Banner>
      {content ? (
        <CheckpointMap board={content} label={t('boardHistory.view.mapLabel', { time })} />
      ) : (
        <p className="history-map-status" role={failed ? 'alert' : undefined}>
          {failed ? t('boardHistory.view.failed') : t('boardHistory.view.loading')}
        </p>
      )}
    </>
  );
}

function CompareView() {
  const { t } = useTranslation();
  const comparison = useComparison();
  const view = useHistory((s) => s.view);
  const from = useTimeOf(view?.kind === 'compare' ? view.from : NOW);
  const to = useTimeOf(view?.kind === 'compare' ? view.to : NOW);
  const shown = useMemo(
    () => (comparison?.status === 'ready' ? { content: contentWithRemoved(comparison.later, comparison.changes), marks: changeByCard(comparison.changes) } : null),
    [comparison],
  );
  return (
    <>
      <Banner>
        {t('boardHistory.compare.banner', { from, to })}
        <span className="history-legend">
          {(['added', 'removed', 'moved', 'edited'] as const).map((k) => (
            <span key={k} className={`history-legend-item is-${k}`}>
              {t(`boardHistory.change.${k}`)}
            </span>
          ))}
        </span>
      </Banner>
      {shown ? (
        <CheckpointMap board={shown.content} marks={shown.marks} label={t('boardHistory.compare.mapLabel', { time: to, from })} />
      ) : (
        <p className="history-map-status" role={comparison?.status === 'error' ? 'alert' : undefined}>
          {comparison?.status === 'error' ? t('boardHistory.view.failed') : t('boardHistory.compare.loading')}
        </p>
      )}
    </>
  );
}

function ReplayView() {
  const { t } = useTranslation();
  const cue = useFacilitation((s) => s.replay);
  const facilitator = useIsFacilitator();
  const replay = useReplay(cue);
  const caption = useFrameCaption(replay);
  const projecting = !!cue;
  const toggleProjector = () => {
    if (projecting) {
      projectReplay(false);
      replay.seek(replay.index);
    } else projectReplay(true);
  };
  const tools = (
    <div className="history-replay-tools">
      <button
        type="button"
        className="button"
        disabled={projecting}
        aria-label={replay.playing ? t('boardHistory.replay.pause') : t('boardHistory.replay.play')}
        onClick={replay.playing ? replay.pause : replay.play}
      >
        {replay.playing ? <Pause aria-hidden size={16} /> : <Play aria-hidden size={16} />}
        <span className="history-tool-label">{replay.playing ? t('boardHistory.replay.pause') : t('boardHistory.replay.play')}</span>
      </button>
      <input
        type="range"
        className="history-slider"
        min={0}
        max={Math.max(0, replay.frames.length - 1)}
        step={1}
        value={replay.index}
        disabled={projecting}
        aria-label={t('boardHistory.replay.slider')}
        aria-valuetext={caption}
        onChange={(e) => replay.seek(Number(e.target.value))}
      />
      {facilitator && (
        <button type="button" className={`button${projecting ? ' is-on' : ''}`} aria-pressed={projecting} onClick={toggleProjector}>
          {projecting ? <Square aria-hidden size={16} /> : <Projector aria-hidden size={16} />}
          <span className="history-tool-label">{projecting ? t('boardHistory.replay.stopProject') : t('boardHistory.replay.project')}</span>
        </button>
      )}
    </div>
  );
  return (
    <>
      <Banner tools={tools}>
        {t('boardHistory.replay.banner')}: <span className="history-frame">{caption}</span>
        {replay.loading > 0 && <span className="history-muted"> · {t('boardHistory.replay.loading')}</span>}
      </Banner>
      <ReplayStage replay={replay} />
    </>
  );
}
