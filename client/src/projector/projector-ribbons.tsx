import { memo, type ReactNode } from 'react';
import { textWidth, type TextStyle } from '../../../shared/text/measure';
import { useTranslation } from 'react-i18next';
import { CURVE_STRIP_GAP, CURVE_TOP } from '../journey/curve-geometry';
import { useBoard } from '../store/board-store';
import { useUi } from '../store/ui-store';
import { useFacilitation } from '../facilitation/facilitation-store';
import type { ProjectorArea } from './projector-focus';

/**
 * A stage name with soft hyphens in its long words (after a vowel that a consonant follows), so a name
 * wider than its column breaks as "Considera-tion" instead of being cut or shrunk below reading size.
 */
export function hyphenate(title: string): string {
  return title
    .split(' ')
    .map((w) => (w.length < 8 ? w : w.slice(0, 3) + w.slice(3, -3).replace(/([aeiouyàèéìòù])(?=[^aeiouyàèéìòù])/gi, '$1\u00AD') + w.slice(-3)))
    .join(' ');
}

/** Stage names are drawn at 750; Inter's 700 advance widths, taken this much wider, bound them. */
const STAGE_NAME_EM: TextStyle = { size: 1, weight: 700, lineHeight: 1.2 };
const HYPHEN_ROOM = 1.04;

/** Never smaller than this: a stage name one line tall stays at least 28 px tall (line-height 1.2). */
const MIN_STAGE_FONT = 24;

/**
 * The stage name's font size in a column `width` px wide: the ribbon's size, or less (down to 24 px,
 * readable from the back of the room) when a piece of a word (between two places it may break) would
 * not fit, so a name is not broken inside a piece ("Purchas|e") when the columns are narrow (revealed
 * vote results take the projector's right side).
 */
export function stageFontFor(title: string, width: number, font: number): number {
  const pieces = hyphenate(title).split(/[\s\u00AD]+/).filter(Boolean);
  const widest = Math.max(0, ...pieces.map((p) => textWidth(p + '-', STAGE_NAME_EM)));
  const room = width - 20; // projector.css .projector-stage padding
  return widest > 0 && widest * font * HYPHEN_ROOM > room ? Math.min(font, Math.max(MIN_STAGE_FONT, Math.floor(room / (widest * HYPHEN_ROOM)))) : font;
}

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

  return (
    <>
      <div className="projector-stages" style={{ left: area.left, height: area.top, ['--stage-font' as string]: `${area.stageFont}px` }}>
        {layout.columns.map((col, i) => {
          const part = visible(x(col.x), x(col.x + col.w), area.left, area.w, 48);
          if (!part) return null;
          return (
            <div
              key={col.id}
              className={`projector-stage${col.id === spotlight ? ' is-spotlit' : ''}`}
              data-stage={col.id}
              style={{ left: part.at - area.left, width: part.size, ['--stage-font' as string]: `${stageFontFor(stages[i]?.title ?? '', col.w * cam.zoom, area.stageFont)}px` }}
            >
              <h2 aria-label={stages[i]?.title}>
                <span aria-hidden>{hyphenate(stages[i]?.title ?? '')}</span>
              </h2>
            </div>
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
