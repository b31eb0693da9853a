import { memo, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { GEOMETRY } from '../../../shared/layout';
import { useBoard } from '../store/board-store';
import { useCanChangeSkeleton, useCanEdit } from '../store/session-store';
import { AddAxisButtons } from './add-axis-buttons';
import { AxisHeader } from './axis-header';
import { cellName } from './cell-name';
import { CellView } from './cell-view';
import { useStickyHeaders } from './use-sticky-headers';

/**
 * The map's skeleton in board units: stage headers, lane headers, one cell per stage × lane, and
 * the strip of unplaced notes. Re-renders only when the layout changes, never for text edits.
 */
export const GridLayer = memo(function GridLayer() {
  const { t } = useTranslation();
  const layout = useBoard((s) => s.layout);
  const stages = useBoard((s) => s.stages);
  const lanes = useBoard((s) => s.lanes);
  const canEdit = useCanEdit();
  // Facilitators, and participants while the facilitator leaves the skeleton unlocked.
  const skeleton = useCanChangeSkeleton();
  const axes = { stages, lanes };
  const stageRow = useRef<HTMLDivElement>(null);
  const laneColumn = useRef<HTMLDivElement>(null);
  const corner = useRef<HTMLDivElement>(null);
  useStickyHeaders({ stages: stageRow, lanes: laneColumn, corner });

  return (
    <>
      {/* Headers in three containers that stick to the view's edges (use-sticky-headers.ts). */}
      <div ref={stageRow} className="stage-headers">
        {layout.columns.map((col, i) => (
          <div key={col.id} className="stage-header" data-stage={col.id} style={{ left: col.x, width: col.w, height: layout.headerH }}>
            <AxisHeader axis="stages" item={stages[i]} index={i} count={stages.length} editable={skeleton} />
          </div>
        ))}
      </div>
      <div ref={laneColumn} className="lane-headers">
        {layout.rows.map((row, j) => (
          <div key={row.id} className={`lane-header tint-${j % 5}`} data-lane={row.id} style={{ top: row.y, width: GEOMETRY.laneHeaderW, height: row.h, '--lane-h': `${row.h}px` } as CSSProperties}>
            <AxisHeader axis="lanes" item={lanes[j]} index={j} count={lanes.length} editable={skeleton} />
          </div>
        ))}
      </div>
      <div ref={corner} className="corner" style={{ width: GEOMETRY.laneHeaderW, height: layout.headerH }} />
      {layout.rows.map((row, j) =>
        layout.columns.map((col) => (
          <CellView
            key={`${col.id}/${row.id}`}
            stage={col.id}
            lane={row.id}
            x={col.x}
            y={row.y}
            w={col.w}
            h={row.h}
            tint={j % 5}
            name={cellName(axes, { stage: col.id, lane: row.id })}
            editable={canEdit}
          />
        )),
      )}
      {layout.unplaced && (
        <div className="unplaced-strip" style={{ top: layout.unplaced.rect.y, width: layout.unplaced.rect.w, height: layout.unplaced.rect.h }}>
          <div className="unplaced-label" style={{ width: GEOMETRY.laneHeaderW }}>
            <h2>{t('board.unplaced')}</h2>
            <p>{t('board.unplacedHint')}</p>
          </div>
        </div>
      )}
      {skeleton && <AddAxisButtons />}
      <p id="cell-hint" hidden>
        {t('board.cellHint')}
      </p>
    </>
  );
});
