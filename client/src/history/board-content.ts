import type { BoardPlain, BoardChanges } from '../../../shared/history/board-changes';
import type { CardData } from '../../../shared/doc/schema';
import type { BoardContent } from '../export/sheet-plan';

/** A checkpoint's (or the live board's) plain form as the map draws it. */
export function contentOf(board: BoardPlain): BoardContent {
  const cards: Record<string, CardData> = {};
  for (const c of board.cards) cards[c.id] = c;
  return { stages: board.stages, lanes: board.lanes, cards };
}

/**
 * The later state with the removed cards put back where they were, so the map can show them (outlined
 * as removed) beside what was added, moved and edited. A removed card whose cell is gone lands in the
 * "Not placed" strip.
 */
export function contentWithRemoved(later: BoardPlain, changes: BoardChanges): BoardContent {
  const content = contentOf(later);
  const cards = { ...content.cards };
  for (const s of changes.stages) for (const c of s.changes) if (c.change === 'removed') cards[c.id] = c.card;
  return { ...content, cards };
}
