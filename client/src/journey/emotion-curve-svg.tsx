import { useTranslation } from 'react-i18next';
import { formatValence, type CurvePoint } from '../../../shared/decks/emotion-curve';
import { GEOMETRY, type BoardLayout } from '../../../shared/layout';
import { CURVE_PAD, curveBox, curveShape, valenceY } from './curve-geometry';
import './emotion-curve.css';

const TICKS = [2, 1, 0, -1, -2];

export interface EmotionCurveSvgProps {
  layout: Pick<BoardLayout, 'columns' | 'width'>;
  points: readonly CurvePoint[];
  /** Accessible name; with `description`, also a <desc> the image is described by. */
  label: string;
  description?: { id: string; text: string };
  /** Give the svg explicit width/height attributes (needed when it is rasterised for export). */
  sized?: boolean;
  /** The main curve's colour (a persona's, when the map is filtered to one); the default rose otherwise. */
  color?: string;
  /** Personas' curves drawn over the main one to compare them, each in its colour, with a legend. */
  overlays?: ReadonlyArray<{ id: string; name: string; color: string; points: readonly CurvePoint[] }>;
  /** Heading of the legend (accessible, and shown small). */
  legend?: string;
}

/** A dash per overlay, so curves differ by more than colour. */
export const OVERLAY_DASHES = ['', '12 6', '3 6', '14 5 3 5', '8 8', '2 4', '18 6', '6 3'];

/**
 * The drawing of the emotion curve, from a layout and computed points: one strip in board units above
 * the stage headers, a point per stage at the median valence, a band from lowest to highest, and a
 * "no data" break where a stage has no emotion cards. The live map and the exports both draw it here.
 */
export function EmotionCurveSvg({ layout, points, label, description, sized, color, overlays = [], legend }: EmotionCurveSvgProps) {
  const { t, i18n } = useTranslation();
  const box = curveBox();
  const shape = curveShape(points, layout.columns, box);
  const sep = i18n.language?.startsWith('it') ? ',' : '.';
  const left = GEOMETRY.laneHeaderW;
  const right = layout.width;
  const bottom = box.top + box.height;
  return (
    <svg
      className="emotion-curve"
      role="img"
      aria-label={label}
      aria-describedby={description?.id}
      style={{ left: 0, top: box.top, width: layout.width, height: box.height, ...(color && { '--curve': color }) } as React.CSSProperties}
      data-compared={overlays.length || undefined}
      width={sized ? layout.width : undefined}
      height={sized ? box.height : undefined}
      viewBox={`0 ${box.top} ${layout.width} ${box.height}`}
    >
      {description && <desc id={description.id}>{description.text}</desc>}
      <rect className="emotion-curve-bg" x={0.5} y={box.top + 0.5} width={layout.width - 1} height={box.height - 1} rx={10} />
      {/* At the +1 line, which has no tick label, so the title never covers one. */}
      <text className="emotion-curve-title" x={14} y={valenceY(1, box) + 5}>
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
      {overlays.map((o, i) => {
        const os = curveShape(o.points, layout.columns, box);
        return (
          <g key={o.id} className="emotion-curve-overlay" data-persona-curve={o.name}>
            {os.lines.map((d, j) => (
              <path key={j} d={d} fill="none" stroke={o.color} strokeWidth={3} strokeDasharray={OVERLAY_DASHES[i % OVERLAY_DASHES.length] || undefined} strokeLinecap="round" />
            ))}
            {os.points.map((p) => p.y !== null && <circle key={p.stageId} cx={p.x} cy={p.y} r={5} fill={o.color} stroke="#fff" strokeWidth={2} />)}
          </g>
        );
      })}
      {overlays.length > 0 && (
        <g className="emotion-curve-legend" aria-label={legend} role="list">
          {overlays.map((o, i) => {
            // Under the title, in the lane headers' column: as many lines as fit in the strip.
            const step = Math.min(15, (box.top + box.height - 8 - (valenceY(1, box) + 22)) / overlays.length);
            const y = valenceY(1, box) + 24 + i * step;
            return (
              <g key={o.id} role="listitem">
                <line x1={14} x2={40} y1={y - 4} y2={y - 4} stroke={o.color} strokeWidth={3} strokeDasharray={OVERLAY_DASHES[i % OVERLAY_DASHES.length] || undefined} />
                <text x={46} y={y} fontSize={Math.min(12, step - 1)} fontWeight={700} fill={o.color}>
                  {o.name.length > 14 ? `${o.name.slice(0, 13)}…` : o.name}
                </text>
              </g>
            );
          })}
        </g>
      )}
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
}
