import { useTranslation } from 'react-i18next';
import { formatValence, type CurvePoint } from '../../../shared/decks/emotion-curve';
import type { Locale } from '../../../shared/doc/schema';
import { CURVE_PAD, curveShape, valenceY, type CurveBox } from '../journey/curve-geometry';

const CURVE_W = 1000;
const CURVE_H = 250;
const LABEL_H = 40;
const AXIS_W = 46;

/** The emotion curve on its own, wide: one column per stage with its title under it. */
export function ReportCurve({ points }: { points: CurvePoint[] }) {
  const { t, i18n } = useTranslation();
  const sep = i18n.language?.startsWith('it') ? ',' : '.';
  const colW = (CURVE_W - AXIS_W) / Math.max(1, points.length);
  const columns = points.map((p, i) => ({ id: p.stageId, x: AXIS_W + i * colW, w: colW }));
  const box: CurveBox = { top: 0, height: CURVE_H };
  const shape = curveShape(points, columns, box);
  return (
    <svg className="report-curve" viewBox={`0 0 ${CURVE_W} ${CURVE_H + LABEL_H}`} role="img" aria-label={t('journey.curve.name')}>
      {[2, 1, 0, -1, -2].map((v) => (
        <g key={v} className={v === 0 ? 'emotion-curve-zero' : 'emotion-curve-grid'}>
          <line x1={AXIS_W} x2={CURVE_W} y1={valenceY(v, box)} y2={valenceY(v, box)} />
          <text className="emotion-curve-tick" x={AXIS_W - 8} y={valenceY(v, box) + 4} textAnchor="end">
            {formatValence(v)}
          </text>
        </g>
      ))}
      {columns.map((c) => (
        <line key={c.id} className="emotion-curve-column" x1={c.x} x2={c.x} y1={CURVE_PAD / 2} y2={CURVE_H - CURVE_PAD / 2} />
      ))}
      {shape.bands.map((d, i) => (
        <path key={`b${i}`} className="emotion-curve-band" d={d} />
      ))}
      {shape.lines.map((d, i) => (
        <path key={`l${i}`} className="emotion-curve-line" d={d} />
      ))}
      {shape.points.map((p) =>
        p.y === null ? (
          <text key={p.stageId} className="emotion-curve-nodata" x={p.x} y={CURVE_H / 2} textAnchor="middle">
            {t('journey.curve.noData')}
          </text>
        ) : (
          <g key={p.stageId} className="emotion-curve-point">
            <circle cx={p.x} cy={p.y} r={7} />
            <text x={p.x + 12} y={p.y < 30 ? p.y + 18 : p.y - 9}>
              {formatValence(p.point.median!, sep)}
            </text>
          </g>
        ),
      )}
      {points.map((p, i) => (
        <text key={p.stageId} className="report-curve-stage" x={columns[i].x + colW / 2} y={CURVE_H + 26} textAnchor="middle">
          {p.title.length > 22 ? `${p.title.slice(0, 21)}…` : p.title}
        </text>
      ))}
    </svg>
  );
}

/** The curve's numbers as a table: the words behind the picture. */
export function CurveTable({ points, locale }: { points: CurvePoint[]; locale: Locale }) {
  const { t } = useTranslation();
  const sep = locale === 'it' ? ',' : '.';
  const v = (x: number | null) => (x === null ? t('journey.curve.noData') : formatValence(x, sep));
  return (
    <table className="report-table report-curve-table">
      <caption>{t('export.report.curveTable')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('export.image.stageLabel')}</th>
          <th scope="col">{t('export.report.median')}</th>
          <th scope="col">{t('export.report.range')}</th>
          <th scope="col">{t('export.report.count')}</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.stageId}>
            <th scope="row">{p.title}</th>
            <td className="report-num">{v(p.median)}</td>
            <td className="report-num">{p.min === null ? '—' : `${formatValence(p.min, sep)} … ${formatValence(p.max!, sep)}`}</td>
            <td className="report-num">{p.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
