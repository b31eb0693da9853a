import { ChevronLeft, ChevronRight, Crosshair, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ProjectorLink } from '../projector/projector-link';
import { useBoard } from '../store/board-store';
import { useSession } from '../store/session-store';
import { bringEveryoneHere, spotlightStage, stepStage } from './actions';
import { useFacilitation } from './facilitation-store';
import { showNotice } from './notice';

/**
 * Facilitator: spotlight a stage (also keys 1–6), step through the stages as with slides (the
 * projector zooms to each), bring everyone to this view, open the projector.
 */
export function SpotlightSection() {
  const { t } = useTranslation();
  const stages = useBoard((s) => s.stages);
  const spotlight = useFacilitation((s) => s.spotlight);
  const place = stages.find((s) => s.id === spotlight)?.title ?? t('facilitation.spotlight.whole');
  return (
    <section className="fac-section" aria-labelledby="fac-spot-title">
      <h3 id="fac-spot-title">{t('facilitation.spotlight.title')}</h3>
      <div className="fac-step" role="group" aria-labelledby="fac-spot-title" aria-describedby="fac-step-hint">
        <button type="button" className="icon-button" aria-label={t('facilitation.spotlight.previous')} title={t('facilitation.spotlight.previous')} onClick={() => stepStage(-1)}>
          <ChevronLeft aria-hidden size={18} />
        </button>
        <p className="fac-step-place" aria-live="polite">
          {t('facilitation.spotlight.showing', { place })}
        </p>
        <button type="button" className="icon-button" aria-label={t('facilitation.spotlight.next')} title={t('facilitation.spotlight.next')} onClick={() => stepStage(1)}>
          <ChevronRight aria-hidden size={18} />
        </button>
      </div>
      <p id="fac-step-hint" className="hint">
        {t('facilitation.spotlight.stepHint')}
      </p>
      <div className="fac-stage-buttons">
        {stages.map((s, i) => (
          <button
            key={s.id}
            type="button"
            className="button fac-stage"
            aria-pressed={spotlight === s.id}
            aria-label={t('facilitation.spotlight.stage', { stage: s.title })}
            aria-keyshortcuts={i < 6 ? String(i + 1) : undefined}
            onClick={() => spotlightStage(s.id)}
          >
            {i < 6 && (
              <kbd className="fac-key" aria-hidden>
                {i + 1}
              </kbd>
            )}
            <span className="fac-stage-title" aria-hidden>
              {s.title}
            </span>
          </button>
        ))}
      </div>
      <button type="button" className="button" disabled={!spotlight} aria-keyshortcuts="Shift+0" onClick={() => spotlightStage(null)}>
        <X aria-hidden size={16} />
        {t('facilitation.spotlight.clear')}
      </button>
      <p className="hint">{t('facilitation.spotlight.keys')}</p>
    </section>
  );
}

export function RoomSection() {
  const { t } = useTranslation();
  const boardId = useSession((s) => s.boardId);
  const token = useSession((s) => s.links.facilitator);
  return (
    <section className="fac-section" aria-labelledby="fac-room-title">
      <h3 id="fac-room-title">{t('facilitation.room.title')}</h3>
      <button type="button" className="button" aria-describedby="fac-summon-hint" onClick={() => bringEveryoneHere() && showNotice('summoned')}>
        <Crosshair aria-hidden size={16} />
        {t('facilitation.room.summon')}
      </button>
      <p id="fac-summon-hint" className="hint">
        {t('facilitation.room.summonHint')}
      </p>
      {boardId && token && <ProjectorLink boardId={boardId} token={token} />}
    </section>
  );
}
