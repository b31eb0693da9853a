import { useEffect, useRef } from 'react';
import { SlidersHorizontal, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useIsFacilitator } from '../store/session-store';
import { AgendaSection } from './agenda-section';
import { CompactSection } from './compact-section';
import { facilitationStore, useFacilitation } from './facilitation-store';
import { LocksSection } from './locks-section';
import { RoomSection, SpotlightSection } from './spotlight-section';
import { TimerQuickControls, TimerStartForm } from './timer-controls';
import { VoteSection } from './vote-section';
import './facilitation.css';

const PANEL_ID = 'facilitation-panel';
const setOpen = (panelOpen: boolean) => facilitationStore.setState({ panelOpen });

/** The top bar's "Facilitation" button (facilitators only): opens and closes the side panel. */
export function FacilitationButton() {
  const { t } = useTranslation();
  const facilitator = useIsFacilitator();
  const open = useFacilitation((s) => s.panelOpen);
  if (!facilitator) return null;
  return (
    <button type="button" className={`button panel-toggle fac-button${open ? ' is-open' : ''}`} aria-expanded={open} aria-controls={open ? PANEL_ID : undefined} onClick={() => setOpen(!open)}>
      <SlidersHorizontal aria-hidden size={16} />
      <span className="panel-toggle-label">{t('facilitation.button')}</span>
    </button>
  );
}

/**
 * Running the room: locks, timer, spotlight, bringing everyone here, the projector, dot voting and the
 * agenda. A side panel beside the map (not a popover), so it stays open while the facilitator works.
 */
export function FacilitationPanel() {
  const { t } = useTranslation();
  const facilitator = useIsFacilitator();
  const open = useFacilitation((s) => s.panelOpen);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (open) ref.current?.focus({ preventScroll: true });
  }, [open]);
  if (!facilitator || !open) return null;
  return (
    <aside
      ref={ref}
      id={PANEL_ID}
      className="side-panel fac-panel"
      aria-labelledby="fac-panel-title"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement)) {
          setOpen(false);
          document.querySelector<HTMLElement>('.fac-button')?.focus();
        }
      }}
    >
      <div className="side-panel-head fac-panel-head">
        <h2 id="fac-panel-title">{t('facilitation.panel')}</h2>
        <button type="button" className="icon-button" aria-label={t('facilitation.close')} title={t('facilitation.close')} onClick={() => setOpen(false)}>
          <X aria-hidden size={18} />
        </button>
      </div>
      <div className="fac-panel-body">
        <LocksSection />
        <section className="fac-section" aria-labelledby="fac-timer-title">
          <h3 id="fac-timer-title">{t('facilitation.timer.title')}</h3>
          <TimerPanelState />
          <TimerStartForm />
        </section>
        <AgendaSection />
        <SpotlightSection />
        <VoteSection />
        <RoomSection />
        <CompactSection />
      </div>
    </aside>
  );
}

function TimerPanelState() {
  const { t } = useTranslation();
  const running = useFacilitation((s) => !!s.timer);
  if (!running) return <p className="hint">{t('facilitation.timer.idle')}</p>;
  return (
    <div className="fac-timer">
      <TimerQuickControls labelled />
    </div>
  );
}
