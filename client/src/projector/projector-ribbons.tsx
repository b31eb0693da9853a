import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CURVE_STRIP_GAP, CURVE_TOP } from '../journey/curve-geometry';
import { useBoard } from '../store/board-store';
import { useUi } from '../store/ui-store';
import { useFacilitation } from '../facilitation/facilitation-store';
import type { ProjectorArea } from './projector-focus';
import { planStageHeadings, type StageSlot } from './stage-headings';

/** Keeps the part of [a, b) inside [lo, hi); null when too little of it shows to hold a name. */
function visible(a: number, b: number, lo: number, hi: number, min: number): { at: number; size: number } | null {
  const from = Math.max(a, lo);
  const to = Math.min(b, hi);
  return to - from >= min ? { at: from, size: to - from } : null;
}

/**
 * The projector's stage and lane names, in screen space over the map: a ribbon of stage headings on top
 * and a column of lane names on the left, each lined up with its column or row under the camera, at a
 * size read from the back of the room whatever the zoom (the map's own headers are hidden here). They
 * are sticky by nature: a zoomed-in stage still shows its name and its lanes'.
 */
export const ProjectorRibbons = memo(function ProjectorRibbons({ area, corner }: { area: ProjectorArea; corner?: ReactNode }) {
  const { t } = useTranslation();
  const cam = useUi((s) => s.camera);
  const ready = useUi((s) => s.cameraReady);
  const layout = useBoard((s) => s.layout);
  const stages = useBoard((s) => s.stages);
  const lanes = useBoard((s) => s.lanes);
  const spotlight = useFacilitation((s) => s.spotlight);
  if (!ready || !area.w) return null;
  const x = (bx: number) => bx * cam.zoom + cam.x;
  const y = (by: number) => by * cam.zoom + cam.y;
  const curve = visible(y(-CURVE_TOP), y(-CURVE_STRIP_GAP), area.top, area.h, 24);
  // The stage columns in view, in the ribbon's own coordinates; one plan for all their names.
  const slots: Array<StageSlot & { id: string }> = [];
  layout.columns.forEach((col, i) => {
    const part = visible(x(col.x), x(col.x + col.w), area.left, area.w, 48);
    if (part) slots.push({ id: col.id, title: stages[i]?.title ?? '', left: part.at - area.left, width: part.size, partial: part.size < col.w * cam.zoom - 1 });
  });
  const plan = planStageHeadings(slots, area.w - area.left, area.stageFont);

  return (
    <>
      <div className="projector-stages" style={{ left: area.left, height: area.top, ['--stage-font' as string]: `${plan.font}px` }} data-mode={plan.mode}>
        {slots.map((s) => (
          <div key={s.id} className={`projector-stage${s.id === spotlight ? ' is-spotlit' : ''}`} data-stage={s.id} style={{ left: s.left, width: s.width }} />
        ))}
        {slots.map((s, i) => {
          const label = plan.labels[i];
          return (
            <h2
              key={s.id}
              className={`projector-stage-name line-${label.line}${label.shown ? '' : ' sr-only'}`}
              data-stage-name={s.id}
              style={label.shown ? { left: label.left, width: label.width } : undefined}
            >
              {s.title}
            </h2>
          );
        })}
      </div>
      <div className="projector-lanes" role="list" aria-label={t('facilitation.projector.lanes')} style={{ top: area.top, width: area.left }}>
        {curve && (
          <p role="listitem" className="projector-lane is-curve" style={{ top: curve.at - area.top, height: curve.size }}>
            {t('journey.curve.name')}
          </p>
        )}
        {layout.rows.map((row, j) => {
          const part = visible(y(row.y), y(row.y + row.h), area.top, area.h, 20);
          if (!part) return null;
          return (
            <p key={row.id} role="listitem" className={`projector-lane tint-${j % 5}`} data-lane={row.id} style={{ top: part.at - area.top, height: part.size }}>
              {lanes[j]?.title}
            </p>
          );
        })}
      </div>
      <div className="projector-corner" style={{ width: area.left, height: area.top }}>
        {corner}
      </div>
    </>
  );
});
