import type { AxisItem } from '../../../shared/doc/schema';
import type { CellRef } from '../../../shared/layout';

/**
 * "Awareness · Activities": the accessible name of a cell, also used in announcements and in an unplaced
 * card's "Was in: …". A removed stage or lane is named by the title the card kept (`wasIn`), never by id.
 */
export function cellName(axes: { stages: AxisItem[]; lanes: AxisItem[] }, cell: CellRef & { wasIn?: { stage: string; lane: string } }): string {
  const stage = axes.stages.find((s) => s.id === cell.stage)?.title || cell.wasIn?.stage || cell.stage;
  const lane = axes.lanes.find((l) => l.id === cell.lane)?.title || cell.wasIn?.lane || cell.lane;
  return `${stage} · ${lane}`;
}
