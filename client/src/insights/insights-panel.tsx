import { useEffect, useRef, useState } from 'react';
import { ChartNoAxesColumn, Download, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useBoard } from '../store/board-store';
import { downloadInsightsImage } from './download-image';
import { HighlightStatus } from './card-link';
import { clearHighlight } from './show-cards';
import { INSIGHT_SECTIONS, type InsightsMode } from './sections';
import { setInsightsOpen, toggleInsights, useInsights } from './insights-store';
import './insights.css';

const PANEL_ID = 'insights-panel';

/** The top bar's "Insights" button, for everyone: opens and closes the panel (key I). */
export function InsightsButton() {
  const { t } = useTranslation();
  const open = useInsights((s) => s.panelOpen);
  return (
    <button
      type="button"
      className={`button panel-toggle insights-button${open ? ' is-open' : ''}`}
      aria-expanded={open}
      aria-controls={open ? PANEL_ID : undefined}
      aria-keyshortcuts="I"
      title={`${t('insights.button')} (I)`}
      onClick={toggleInsights}
    >
      <ChartNoAxesColumn aria-hidden size={16} />
      <span className="panel-toggle-label">{t('insights.button')}</span>
    </button>
  );
}

/** Every insight, in order, for one place it is shown. */
export function InsightsBody({ mode }: { mode: InsightsMode }) {
  return (
    <>
      {INSIGHT_SECTIONS.map(({ id, Section }) => (
        <Section key={id} mode={mode} />
      ))}
    </>
  );
}

/**
 * The Insights panel beside the map, for everyone: what the map means for the business, computed live
 * from the cards. A column beside the map on a laptop, a sheet over the map on a phone. Each insight
 * links to the cards behind it (show-cards.ts).
 */
export function InsightsPanel() {
  const { t } = useTranslation();
  const open = useInsights((s) => s.panelOpen);
  const title = useBoard((s) => s.meta.title);
  const ref = useRef<HTMLElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<'idle' | 'busy' | 'failed'>('idle');
  useEffect(() => {
    if (open) ref.current?.focus({ preventScroll: true });
  }, [open]);
  if (!open) return null;
  const close = () => {
    setInsightsOpen(false);
    clearHighlight();
    document.querySelector<HTMLElement>('.insights-button')?.focus();
  };
  const download = async () => {
    if (!body.current || status === 'busy') return;
    setStatus('busy');
    try {
      await downloadInsightsImage(body.current, title || t('home.untitled'));
      setStatus('idle');
    } catch {
      setStatus('failed');
    }
  };
  return (
    <aside
      ref={ref}
      id={PANEL_ID}
      className="side-panel insights-panel"
      aria-labelledby="insights-panel-title"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement)) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <div className="side-panel-head insights-panel-head">
        <h2 id="insights-panel-title">
          <ChartNoAxesColumn aria-hidden size={18} />
          {t('insights.panel')}
        </h2>
        <button type="button" className="icon-button" aria-label={t('insights.download')} title={t('insights.download')} aria-busy={status === 'busy'} onClick={download}>
          <Download aria-hidden size={18} />
        </button>
        <button type="button" className="icon-button" aria-label={t('insights.close')} title={t('insights.close')} onClick={close}>
          <X aria-hidden size={18} />
        </button>
      </div>
      <p className="insights-status" role="status">
        {status === 'busy' ? t('insights.downloading') : status === 'failed' ? t('insights.downloadFailed') : ''}
      </p>
      <HighlightStatus />
      <div className="insights-panel-body" ref={body}>
        <p className="hint insights-intro">{t('insights.intro')}</p>
        <InsightsBody mode="panel" />
      </div>
    </aside>
  );
}
