import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatValence } from '../../../shared/decks/emotion-curve';
import { GEOMETRY } from '../../../shared/layout';
import { curveBox, curveShape, valenceY } from '../journey/curve-geometry';
import { useEmotionCurve } from '../journey/use-emotion-curve';
import { OVERLAY_DASHES } from '../journey/emotion-curve-svg';
import { usePersonaCurves } from '../personas/use-persona-curves';
import { useBoard } from '../store/board-store';
import { useUi } from '../store/ui-store';
import type { ProjectorArea } from './projector-focus';

/** A persona curve's dash pattern (emotion-curve-svg.tsx), in screen pixels at this zoom. */
function dashes(i: number, zoom: number): string | undefined {
  const d = OVERLAY_DASHES[i % OVERLAY_DASHES.length];
  return d ? d.split(' ').map((n) => Math.max(1, Number(n) * zoom).toFixed(1)).join(' ') : undefined;
}

/**
 * The emotion curve's words on the projector, in screen space over the map: each stage's median beside
 * its point, "no data" in a stage without emotions, and the +2 / 0 / −2 scale where there is room. The
 * curve's own SVG draws them in board units, 5–6 px on a fitted journey at 1280×720; here they keep a
 * size read from the room at any zoom (projector.css hides the SVG's texts; its title is the lane
 * ribbon's "Emotion curve"). Personas' curves compared over it get their legend under the strip, in the
 * room the map's hidden stage headers leave. Decorative for screen readers: the curve's image describes
 * every stage and every persona's curve.
 */
export const ProjectorCurveLabels = memo(function ProjectorCurveLabels({ area }: { area: ProjectorArea }) {
  const { t, i18n } = useTranslation();
  const cam = useUi((s) => s.camera);
  const ready = useUi((s) => s.cameraReady);
  const layout = useBoard((s) => s.layout);
  const all = useEmotionCurve();
  const { filtered, overlays } = usePersonaCurves();
  if (!ready || !area.w || !layout.columns.length) return null;
  const box = curveBox();
  const shape = curveShape(filtered?.points ?? all, layout.columns, box);
  const sep = i18n.language?.startsWith('it') ? ',' : '.';
  const x = (bx: number) => bx * cam.zoom + cam.x;
  const y = (by: number) => by * cam.zoom + cam.y;
  const top = y(box.top);
  const bottom = y(box.top + box.height);
  // Only what lies in the map's room, clear of the ribbons (which would cover it anyway).
  const inRoom = (sx: number, sy: number) => sx >= area.left && sx <= area.w && sy >= area.top && sy <= area.h;
  if (bottom < area.top || top > area.h) return null;
  // The scale, when its lines are far enough apart for its labels (about 14 px at 1280 px).
  const tickGap = valenceY(0, box) - valenceY(2, box);
  const ticks = tickGap * cam.zoom >= 20 ? [2, 0, -2] : [];
  const tickX = x(GEOMETRY.laneHeaderW) - 6;
  // The legend: from the first stage's left edge, in the gap down to the first lane.
  const legendX = Math.max(area.left + 8, x(layout.columns[0].x) + 8);
  const legendRoom = (layout.rows[0]?.y ?? layout.headerH) * cam.zoom + cam.y - bottom;
  const legend = overlays.length > 0 && legendRoom >= 18 && inRoom(legendX, bottom + 2);

  return (
    <div className="projector-curve-labels" aria-hidden>
      {ticks.map((v) => {
        const sy = y(valenceY(v, box));
        return inRoom(tickX - 30, sy) ? (
          <span key={`t${v}`} className="projector-curve-tick" style={{ right: area.w - tickX, top: sy }}>
            {formatValence(v, sep)}
          </span>
        ) : null;
      })}
      {shape.points.map((p) => {
        const sx = x(p.x);
        if (p.y === null) {
          const col = layout.columns.find((c) => c.id === p.stageId);
          const width = (col?.w ?? 0) * cam.zoom - 8;
          return inRoom(sx, bottom) && width > 40 ? (
            <span key={p.stageId} className="projector-curve-nodata" style={{ left: sx, top: bottom - 4, maxWidth: width }}>
              {t('journey.curve.noData')}
            </span>
          ) : null;
        }
        const sy = y(p.y);
        // Beside its point, above it; below it for a point near the strip's top.
        const above = sy - top > 26;
        return inRoom(sx, sy) ? (
          <span key={p.stageId} className={`projector-curve-value${above ? ' is-above' : ''}`} style={{ left: sx + 8, top: above ? sy - 4 : sy + 4 }}>
            {formatValence(p.point.median!, sep)}
          </span>
        ) : null;
      })}
      {legend && (
        <span className="projector-curve-legend" style={{ left: legendX, top: bottom + legendRoom / 2, maxWidth: area.w - legendX - 8 }}>
          {overlays.map((o, i) => (
            <span key={o.id}>
              {/* The line as the map draws it (projector.css), at the map's scale. */}
              <svg width="32" height="8" viewBox="0 0 32 8">
                <line x1="0" x2="32" y1="4" y2="4" stroke={o.color} strokeWidth={Math.max(2, 6 * cam.zoom)} strokeDasharray={dashes(i, cam.zoom)} />
              </svg>
              <span style={{ color: o.color }}>{o.name}</span>
            </span>
          ))}
        </span>
      )}
    </div>
  );
});
