import { useTranslation } from 'react-i18next';
import type { CardData } from '../../../shared/doc/schema';
import { curveTextAlternative, emotionCurve, formatValence } from '../../../shared/decks/emotion-curve';
import { GEOMETRY, type Rect } from '../../../shared/layout';
import { CardFace } from '../board/card-face';
import { cellName } from '../board/cell-name';
import { CURVE_PAD, curveBox, curveShape, valenceY } from '../journey/curve-geometry';
import { intersects, type SheetPlan } from './sheet-plan';
import '../board/canvas.css';
import '../board/card.css';
import '../journey/emotion-curve.css';

/**
 * The map as the screen draws it, without the screen: no camera, no culling, no cursors, selection,
 * toolbars or "+" buttons. Same class names and CSS as the live map (board/canvas.css, card.css,
 * journey.css) and the real card faces (`CardFace`, moment markers included), so an export looks like
 * the board. Everything in board units; `plan.view` picks the part drawn.
 */
export function StaticMap({ plan }: { plan: SheetPlan }) {
  const { layout, view } = plan;
  return (
    <div className="export-map" style={{ width: view.w, height: view.h }}>
      {/* `.board-layer` gives its children the live map's absolute positioning; no transform here. */}
      <div className="board-layer export-layer" style={{ width: layout.width, height: layout.height, left: -view.x, top: -view.y }}>
        <StaticGrid plan={plan} />
        <div className="cards-layer">
          {plan.cards.map((card) => (
            <StaticCard key={card.id} card={card} plan={plan} />
          ))}
        </div>
        {plan.curve && <StaticCurve plan={plan} />}
      </div>
    </div>
  );
}

function StaticGrid({ plan }: { plan: SheetPlan }) {
  const { t } = useTranslation();
  const { layout, view, stages, lanes } = plan;
  const { laneHeaderW, stageHeaderH } = GEOMETRY;
  const seen = (r: Rect) => intersects(r, view);
  return (
    <>
      <div className="corner" style={{ width: laneHeaderW, height: stageHeaderH }} />
      {layout.columns.map((col, i) =>
        seen({ x: col.x, y: 0, w: col.w, h: stageHeaderH }) ? (
          <div key={col.id} className="stage-header" style={{ left: col.x, width: col.w, height: stageHeaderH }}>
            <div className="axis-header axis-stages">
              <h2 className="axis-title">{stages[i]?.title}</h2>
            </div>
          </div>
        ) : null,
      )}
      {layout.rows.map((row, j) =>
        seen({ x: 0, y: row.y, w: laneHeaderW, h: row.h }) ? (
          <div key={row.id} className={`lane-header tint-${j % 5}`} style={{ top: row.y, width: laneHeaderW, height: row.h }}>
            <div className="axis-header axis-lanes">
              <h2 className="axis-title">{lanes[j]?.title}</h2>
            </div>
          </div>
        ) : null,
      )}
      {layout.rows.map((row, j) =>
        layout.columns.map((col) =>
          seen({ x: col.x, y: row.y, w: col.w, h: row.h }) ? (
            <div key={`${col.id}/${row.id}`} className={`cell tint-${j % 5}`} style={{ left: col.x, top: row.y, width: col.w, height: row.h }} />
          ) : null,
        ),
      )}
      {layout.unplaced && seen(layout.unplaced.rect) && (
        <div className="unplaced-strip" style={{ top: layout.unplaced.rect.y, width: layout.unplaced.rect.w, height: layout.unplaced.rect.h }}>
          <div className="unplaced-label" style={{ width: laneHeaderW }}>
            <h2>{t('board.unplaced')}</h2>
          </div>
        </div>
      )}
    </>
  );
}

function StaticCard({ card, plan }: { card: CardData; plan: SheetPlan }) {
  const { t } = useTranslation();
  const r = plan.layout.cards.get(card.id);
  if (!r) return null;
  const unplaced = plan.layout.unplaced?.ids.includes(card.id);
  return (
    <div className={`card kind-${card.kind}`} data-export-card={card.id} style={{ left: r.x, top: r.y, background: card.color }}>
      <CardFace card={card} />
      {unplaced && <span className="card-unplaced">{` ${t('card.unplacedFrom', { place: cellName(plan, card) })}`}</span>}
    </div>
  );
}

const TICKS = [2, 1, 0, -1, -2];

/**
 * The emotion curve strip above the stage headers, drawn like journey/emotion-curve.tsx (same geometry
 * helpers and classes) but from the plan's stages and cards rather than the live store, so one stage
 * gets its own curve.
 */
export function StaticCurve({ plan }: { plan: Pick<SheetPlan, 'layout' | 'stages' | 'cards'> }) {
  const { t, i18n } = useTranslation();
  const { layout } = plan;
  const points = emotionCurve(plan.stages, plan.cards);
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
      aria-label={`${t('journey.curve.name')}: ${curveTextAlternative(points, { noData: t('journey.curve.noData'), decimalSeparator: sep })}`}
      style={{ left: 0, top: box.top, width: layout.width, height: box.height }}
      width={layout.width}
      height={box.height}
      viewBox={`0 ${box.top} ${layout.width} ${box.height}`}
    >
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
}
