import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { curveTextAlternative, formatValence } from '../../../shared/decks/emotion-curve';
import { GEOMETRY } from '../../../shared/layout';
import { useBoard } from '../store/board-store';
import { CURVE_PAD, curveBox, curveShape, valenceY } from './curve-geometry';
import { useEmotionCurve } from './use-emotion-curve';
import './emotion-curve.css';

const TICKS = [2, 1, 0, -1, -2];

/**
 * The emotion curve, drawn in board units inside the board layer so it pans and zooms with the map: a
 * strip above the stage headers with one point per stage column at the median valence, a band from the
 * lowest to the highest, and a break (marked "no data") where a stage has no emotion cards. For
 * assistive technology it is one image named "Emotion curve" whose description lists every stage with
 * its median, the same words in every language the interface speaks.
 */
export const EmotionCurve = memo(function EmotionCurve() {
  const { t, i18n } = useTranslation();
  const layout = useBoard((s) => s.layout);
  const points = useEmotionCurve();
  const descId = useId();
  const box = curveBox();
  const shape = curveShape(points, layout.columns, box);
  const sep = i18n.language?.startsWith('it') ? ',' : '.';
  const description = curveTextAlternative(points, { noData: t('journey.curve.noData'), decimalSeparator: sep });
  const left = GEOMETRY.laneHeaderW;
  const right = layout.width;
  const bottom = box.top + box.height;
  if (layout.columns.length === 0) return null;

  return (
    <svg
      className="emotion-curve"
      role="img"
      aria-label={t('journey.curve.name')}
      aria-describedby={descId}
      style={{ left: 0, top: box.top, width: layout.width, height: box.height }}
      viewBox={`0 ${box.top} ${layout.width} ${box.height}`}
    >
      <desc id={descId}>{description}</desc>
      <rect className="emotion-curve-bg" x={0.5} y={box.top + 0.5} width={layout.width - 1} height={box.height - 1} rx={10} />
      <text className="emotion-curve-title" x={14} y={box.top + 26}>
        {t('journey.curve.name')}
      </text>
      {TICKS.map((v) => (
        <g key={v} className={v === 0 ? 'emotion-curve-zero' : 'emotion-curve-grid'}>
          <line x1={left} x2={right - 8} y1={valenceY(v, box)} y2={valenceY(v, box)} />
          {v % 2 === 0 && (
            <text className="emotion-curve-tick" x={left - 10} y={valenceY(v, box) + 4} textAnchor="end">
              {formatValence(v)}
            </text>
          )}
        </g>
      ))}
      {layout.columns.map((c) => (
        <line key={c.id} className="emotion-curve-column" x1={c.x} x2={c.x} y1={box.top + CURVE_PAD / 2} y2={bottom - CURVE_PAD / 2} />
      ))}
      {shape.bands.map((d, i) => (
        <path key={`b${i}`} className="emotion-curve-band" d={d} />
      ))}
      {shape.lines.map((d, i) => (
        <path key={`l${i}`} className="emotion-curve-line" d={d} />
      ))}
      {shape.points.map((p) =>
        p.y === null ? (
          <text key={p.stageId} className="emotion-curve-nodata" x={p.x} y={bottom - 10} textAnchor="middle">
            {t('journey.curve.noData')}
          </text>
        ) : (
          <g key={p.stageId} className="emotion-curve-point">
            <circle cx={p.x} cy={p.y} r={7} />
            <text x={p.x + 12} y={p.y < box.top + 30 ? p.y + 18 : p.y - 9}>
              {formatValence(p.point.median!, sep)}
            </text>
          </g>
        ),
      )}
    </svg>
  );
});
