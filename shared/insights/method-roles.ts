/**
 * Where the method's six stages and its lanes are on a given board. The insights speak of Purchase, Use,
 * Advocacy…; a facilitator may rename, reorder, add or remove stages. A stage keeps its id when renamed,
 * so the id decides first; a stage added by hand with a default title ("Use", "Utilizzo") counts too.
 */
import { DEFAULT_LANES, DEFAULT_STAGES, type AxisItem } from '../doc/schema';
import { normaliseText } from './board';

export const STAGE_ROLES = ['awareness', 'consideration', 'purchase', 'use', 'retention', 'advocacy'] as const;
export type StageRole = (typeof STAGE_ROLES)[number];
export type LaneRole = 'activities' | 'goals' | 'emotions' | 'channels' | 'ideas';

function find(items: readonly AxisItem[], defaults: ReadonlyArray<{ id: string; title: Record<string, string> }>, role: string): number {
  const byId = items.findIndex((s) => s.id === role);
  if (byId >= 0) return byId;
  const def = defaults.find((d) => d.id === role);
  if (!def) return -1;
  const names = new Set(Object.values(def.title).map(normaliseText));
  return items.findIndex((s) => names.has(normaliseText(s.title)));
}

/** Index of the stage playing `role` on this board, or −1 when it has none. */
export function stageIndex(stages: readonly AxisItem[], role: StageRole): number {
  return find(stages, DEFAULT_STAGES, role);
}

/** The lane playing `role` on this board (by id, else by a default title), or null. */
export function laneOf(lanes: readonly AxisItem[], role: LaneRole): AxisItem | null {
  return lanes[find(lanes, DEFAULT_LANES, role)] ?? null;
}
