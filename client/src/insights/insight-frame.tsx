import { useId, type ReactNode } from 'react';
import { Projector } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useFacilitation } from '../facilitation/facilitation-store';
import { useIsFacilitator } from '../store/session-store';
import { projectInsight } from './insights-actions';
import type { InsightsMode } from './sections';

/**
 * One insight's box, the same in the panel, on the projector and in the report: its heading, and in the
 * panel, for facilitators, the button that puts this insight on the projector.
 */
export function InsightFrame({ id, title, mode, children }: { id: string; title: string; mode: InsightsMode; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className={`insight-section insight-${id}`} data-insight={id} aria-labelledby={headingId}>
      <div className="insight-head">
        <h3 id={headingId}>{title}</h3>
        {mode === 'panel' && <ProjectorToggle id={id} title={title} />}
      </div>
      {children}
    </section>
  );
}

function ProjectorToggle({ id, title }: { id: string; title: string }) {
  const { t } = useTranslation();
  const facilitator = useIsFacilitator();
  const shown = useFacilitation((s) => s.projectedInsight === id);
  if (!facilitator) return null;
  const label = shown ? t('insights.projector.hide') : t('insights.projector.show');
  return (
    <button
      type="button"
      className={`icon-button insight-project${shown ? ' is-on' : ''}`}
      aria-pressed={shown}
      aria-label={`${label}: ${title}`}
      title={label}
      onClick={() => projectInsight(shown ? null : id)}
    >
      <Projector aria-hidden size={18} />
    </button>
  );
}
