import { useEffect, useRef, useState, type FormEvent } from 'react';
import { History, Play, RefreshCw, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { MAX_VERSION_LABEL } from '../../../shared/history/version-types';
import { useIsFacilitator } from '../store/session-store';
import { ChangeList } from './change-list';
import type { Translate } from './change-words';
import { refreshVersions, setHistoryOpen, showView, takeCheckpoint, toggleHistory } from './history-actions';
import { NOW, historyStore, useHistory } from './history-store';
import { useComparison } from './use-comparison';
import { VersionItem } from './version-item';
import { checkpointTime, checkpointTitle } from './version-words';
import './history.css';

const PANEL_ID = 'history-panel';
/** While the panel is open the list is asked again this often, so others' checkpoints show up. */
const REFRESH_MS = 30_000;

/** The top bar's "History" button, for everyone. */
export function HistoryButton() {
  const { t } = useTranslation();
  const open = useHistory((s) => s.panelOpen);
  return (
    <button
      type="button"
      className={`button panel-toggle history-button${open ? ' is-open' : ''}`}
      aria-expanded={open}
      aria-controls={open ? PANEL_ID : undefined}
      title={t('boardHistory.button')}
      onClick={toggleHistory}
    >
      <History aria-hidden size={16} />
      <span className="panel-toggle-label">{t('boardHistory.button')}</span>
    </button>
  );
}

/**
 * The History panel beside the map (a sheet over it on a phone), for everyone; viewers read it only.
 * Facilitators take named checkpoints and revert the board; anyone may open a checkpoint read-only,
 * see what changed since, restore it as a new board and replay how the map grew.
 */
export function HistoryPanel() {
  const { t } = useTranslation();
  const open = useHistory((s) => s.panelOpen);
  const listHidden = useHistory((s) => s.listHidden);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!open) return;
    ref.current?.focus({ preventScroll: true });
    const id = setInterval(() => void refreshVersions(), REFRESH_MS);
    return () => clearInterval(id);
  }, [open]);
  if (!open) return null;
  const close = () => {
    setHistoryOpen(false);
    document.querySelector<HTMLElement>('.history-button')?.focus();
  };
  return (
    <aside
      ref={ref}
      id={PANEL_ID}
      className={`side-panel history-panel${listHidden ? ' is-hidden-on-phone' : ''}`}
      aria-labelledby="history-panel-title"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !historyStore.getState().view && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement)) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <div className="side-panel-head history-panel-head">
        <h2 id="history-panel-title">
          <History aria-hidden size={18} />
          {t('boardHistory.panel')}
        </h2>
        <button type="button" className="icon-button" aria-label={t('boardHistory.refresh')} title={t('boardHistory.refresh')} onClick={() => void refreshVersions()}>
          <RefreshCw aria-hidden size={18} />
        </button>
        <button type="button" className="icon-button" aria-label={t('boardHistory.close')} title={t('boardHistory.close')} onClick={close}>
          <X aria-hidden size={18} />
        </button>
      </div>
      <Notice />
      <div className="history-panel-body">
        <p className="hint">{t('boardHistory.intro')}</p>
        <TakeCheckpoint />
        <CompareSection />
        <VersionList />
      </div>
    </aside>
  );
}

function Notice() {
  const { t } = useTranslation();
  const notice = useHistory((s) => s.notice);
  return (
    <div className={`history-notice${notice ? ` is-${notice.kind}` : ''}`} role="status">
      {notice && (t as unknown as Translate)(notice.key, notice.opts)}
      {notice?.link && (
        <>
          {' '}
          <a href={notice.link} target="_blank" rel="noopener">
            {t('boardHistory.restore.openNew')}
          </a>
        </>
      )}
    </div>
  );
}

function TakeCheckpoint() {
  const { t } = useTranslation();
  const facilitator = useIsFacilitator();
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  if (!facilitator) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    if (await takeCheckpoint(label)) setLabel('');
    setBusy(false);
  };
  return (
    <form className="history-take" onSubmit={submit}>
      <label htmlFor="history-label">{t('boardHistory.take.label')}</label>
      <div className="history-take-row">
        <input
          id="history-label"
          className="input"
          value={label}
          maxLength={MAX_VERSION_LABEL}
          placeholder={t('boardHistory.take.placeholder')}
          onChange={(e) => setLabel(e.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          {t('boardHistory.take.submit')}
        </button>
      </div>
    </form>
  );
}

/** "What changed since …": the changes in words, and which state to compare with. */
function CompareSection() {
  const { t, i18n } = useTranslation();
  const view = useHistory((s) => s.view);
  const versions = useHistory((s) => s.list.versions);
  const comparison = useComparison();
  if (view?.kind !== 'compare') return null;
  const from = versions.find((v) => v.id === view.from);
  const fromTime = from ? checkpointTime(from.at, i18n.language) : '…';
  // Later states only: "until" a checkpoint taken after `from`, or now.
  const later = versions.filter((v) => from && v.at > from.at);
  return (
    <section className="history-compare" aria-labelledby="history-compare-title">
      <h3 id="history-compare-title">{t('boardHistory.compare.title', { from: fromTime })}</h3>
      <label className="history-until">
        <span>{t('boardHistory.compare.untilLabel')}</span>
        <select className="input" value={view.to} onChange={(e) => showView({ kind: 'compare', from: view.from, to: e.target.value })}>
          <option value={NOW}>{t('boardHistory.now')}</option>
          {later.map((v) => (
            <option key={v.id} value={v.id}>
              {`${checkpointTime(v.at, i18n.language)} · ${checkpointTitle(v, t as unknown as Translate)}`}
            </option>
          ))}
        </select>
      </label>
      {comparison?.status === 'ready' ? (
        <ChangeList changes={comparison.changes} />
      ) : (
        <p className="history-muted" role={comparison?.status === 'error' ? 'alert' : undefined}>
          {comparison?.status === 'error' ? t('boardHistory.view.failed') : t('boardHistory.compare.loading')}
        </p>
      )}
    </section>
  );
}

function VersionList() {
  const { t } = useTranslation();
  const list = useHistory((s) => s.list);
  if (list.status === 'loading' || list.status === 'idle') return <p className="history-muted">{t('boardHistory.loading')}</p>;
  if (list.status === 'error' && list.versions.length === 0)
    return (
      <div className="history-error" role="alert">
        <p>{t('boardHistory.loadFailed')}</p>
        <button type="button" className="button" onClick={() => void refreshVersions()}>
          {t('boardHistory.retry')}
        </button>
      </div>
    );
  if (list.versions.length === 0) return <p className="history-muted">{t('boardHistory.empty')}</p>;
  return (
    <>
      <button type="button" className="button history-replay-open" onClick={() => showView({ kind: 'replay' })}>
        <Play aria-hidden size={16} />
        {t('boardHistory.replay.open')}
      </button>
      <h3 className="history-list-title">{t('boardHistory.list')}</h3>
      <ol className="history-list">
        {list.versions.map((v) => (
          <VersionItem key={v.id} version={v} />
        ))}
      </ol>
    </>
  );
}
