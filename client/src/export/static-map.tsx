import { useTranslation } from 'react-i18next';
import type { CardData } from '../../../shared/doc/schema';
import { curveTextAlternative, emotionCurve } from '../../../shared/decks/emotion-curve';
import { GEOMETRY, type Rect } from '../../../shared/layout';
import { CardFace, cardTooltip } from '../board/card-face';
import { cellName } from '../board/cell-name';
import { EmotionCurveSvg } from '../journey/emotion-curve-svg';
import { intersects, type SheetPlan } from './sheet-plan';
import '../board/canvas.css';
import '../board/card.css';
import '../journey/emotion-curve.css';
import '../personas/personas.css';
import { comparedCurves } from '../../../shared/personas/persona-curves';
import { cardPersona } from '../../../shared/personas/read-personas';
import { personaStore } from '../personas/persona-store';

/**
 * The map as the screen draws it, without the screen: no camera, no culling, no cursors, selection,
 * toolbars or "+" buttons. Same class names and CSS as the live map (board/canvas.css, card.css,
 * journey.css) and the real card faces (`CardFace`, moment markers included), so a checkpoint and the
 * report's "how the map grew" look like the board (the PNG/SVG exports and the report's map draw from
 * shared/export/svg instead). Everything in board units;
 * `plan.view` picks the part drawn.
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
  const { laneHeaderW } = GEOMETRY;
  const stageHeaderH = layout.headerH;
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
  const persona = cardPersona(card, personaStore.getState().personas);
  return (
    <>
    // Sized by the card layout, exactly as on the map; an excerpt carries the full text as its title.
    <div
      className={`card kind-${card.kind}`}
      data-export-card={card.id}
      title={cardTooltip(card)}
      style={{ left: r.x, top: r.y, height: r.h, background: card.color }}
    >
      <CardFace card={card} />
      {unplaced && <span className="card-unplaced">{` ${t('card.unplacedFrom', { place: cellName(plan, card) })}`}</span>}
    </div>
    {persona && (
      <span className="persona-tab" data-persona-for={card.id} style={{ left: r.x + r.w, top: r.y, '--persona': persona.color } as React.CSSProperties}>
        {persona.name}
      </span>
    )}
    </>
  );
}

/**
 * The emotion curve strip, drawn by the same component as the live map but from the plan's stages and
 * cards rather than the live store, so one stage gets its own curve.
 */
export function StaticCurve({ plan }: { plan: Pick<SheetPlan, 'layout' | 'stages' | 'cards'> }) {
  const { t, i18n } = useTranslation();
  const points = emotionCurve(plan.stages, plan.cards);
  const sep = i18n.language?.startsWith('it') ? ',' : '.';
  const text = curveTextAlternative(points, { noData: t('journey.curve.noData'), decimalSeparator: sep });
  // Personas compared, as on the live map without a filter.
  const overlays = comparedCurves(plan.stages, plan.cards, personaStore.getState().personas).map((c) => ({ id: c.persona.id, name: c.persona.name, color: c.persona.color, points: c.points }));
  return <EmotionCurveSvg layout={plan.layout} points={points} label={`${t('journey.curve.name')}: ${text}`} sized overlays={overlays} legend={t('personas.legend')} />;
}
