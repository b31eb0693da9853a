import { useFacilitation } from '../facilitation/facilitation-store';
import { INSIGHT_SECTIONS } from './sections';
import './insights.css';

/**
 * On the projector: the insight a facilitator chose to show (`facilitation.insights`), over the map
 * and in large type (text at least 20 px at 1280×720). Nothing to press: the facilitator switches it
 * from the panel.
 */
export function ProjectedInsight() {
  const id = useFacilitation((s) => s.projectedInsight);
  const entry = INSIGHT_SECTIONS.find((s) => s.id === id);
  if (!entry) return null;
  const { Section } = entry;
  return (
    <div className="projected-insight" data-insight={entry.id}>
      <Section mode="projector" />
    </div>
  );
}
