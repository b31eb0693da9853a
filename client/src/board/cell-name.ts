import type { AxisItem } from '../../../shared/doc/schema';
import type { CellRef } from '../../../shared/layout';

/** "Awareness · Activities": the accessible name of a cell, also used in announcements. */
export function cellName(axes: { stages: AxisItem[]; lanes: AxisItem[] }, cell: CellRef): string {
  const stage = axes.stages.find((s) => s.id === cell.stage)?.title || cell.stage;
  const lane = axes.lanes.find((l) => l.id === cell.lane)?.title || cell.lane;
  return `${stage} · ${lane}`;
}
