import { memo, type ReactNode } from 'react';
import { textWidth, type TextStyle } from '../../../shared/text/measure';
import { useTranslation } from 'react-i18next';
import { CURVE_STRIP_GAP, CURVE_TOP } from '../journey/curve-geometry';
import { useBoard } from '../store/board-store';
import { useUi } from '../store/ui-store';
import { useFacilitation } from '../facilitation/facilitation-store';
import type { ProjectorArea } from './projector-focus';

/**
 * A word with soft hyphens (after a vowel that a consonant follows), for a word wider than its column
 * even at the smallest size: it breaks as "Considera-tion" instead of being cut.
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
/** Only for a word that cannot break where it would fit at MIN_STAGE_FONT: smaller, but whole. */
const LAST_RESORT_FONT = 16;

const wordsOf = (title: string) => title.split(/\s+/).filter(Boolean);
/** The widest of `pieces` at a 1 px font, with room for the bold weight (and a hyphen when asked). */
const widest = (pieces: string[], hyphen = '') => Math.max(0, ...pieces.map((p) => textWidth(p + hyphen, STAGE_NAME_EM) * HYPHEN_ROOM));
const roomIn = (width: number) => width - 20; // projector.css .projector-stage padding

/**
 * The stage name's font size in a column `width` px wide: the ribbon's size, or less (down to 24 px,
 * readable from the back of the room) so that every word fits whole and the name breaks only between
 * words. Only a word too wide even at 24 px breaks inside (`stageTitle`), and then the size is the one
 * at which its pieces fit.
 */
export function stageFontFor(title: string, width: number, font: number): number {
  const room = roomIn(width);
  const words = widest(wordsOf(title));
  if (!words || words * font <= room) return font;
  const whole = Math.floor(room / words);
  if (whole >= MIN_STAGE_FONT) return Math.min(font, whole);
  const pieces = widest(hyphenate(title).split(/[\s\u00AD]+/).filter(Boolean), '-');
  // A word with no break point that fits at 24 px ("Purchase" beside the vote results) would be cut
  // anywhere by the browser ("Purchas|e"): it shrinks to fit whole instead, down to LAST_RESORT_FONT.
  if (pieces * MIN_STAGE_FONT > room) return Math.min(font, Math.max(LAST_RESORT_FONT, Math.floor(room / words)));
  return pieces * font > room ? Math.min(font, Math.max(MIN_STAGE_FONT, Math.floor(room / pieces))) : font;
}

/** The stage name as drawn at `font` px: whole words, soft hyphens only in a word wider than the column. */
export function stageTitle(title: string, width: number, font: number): string {
  const room = roomIn(width);
  return wordsOf(title)
    .map((w) => (widest([w]) * font > room ? hyphenate(w) : w))
    .join(' ');
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
          const title = stages[i]?.title ?? '';
          const font = stageFontFor(title, col.w * cam.zoom, area.stageFont);
          return (
            <div
              key={col.id}
              className={`projector-stage${col.id === spotlight ? ' is-spotlit' : ''}`}
              data-stage={col.id}
              style={{ left: part.at - area.left, width: part.size, ['--stage-font' as string]: `${font}px` }}
            >
              <h2 aria-label={title}>
                <span aria-hidden>{stageTitle(title, col.w * cam.zoom, font)}</span>
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
