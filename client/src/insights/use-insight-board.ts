import { useMemo } from 'react';
import type { InsightBoard } from '../../../shared/insights/board';
import type { CardData } from '../../../shared/doc/schema';
import { useBoard } from '../store/board-store';

/** The board as the insight functions read it; a new object only when stages, lanes or cards change. */
export function useInsightBoard(): InsightBoard & { cards: CardData[]; byId: Readonly<Record<string, CardData>> } {
  const stages = useBoard((s) => s.stages);
  const lanes = useBoard((s) => s.lanes);
  const cards = useBoard((s) => s.cards);
  return useMemo(() => ({ stages, lanes, cards: Object.values(cards), byId: cards }), [stages, lanes, cards]);
}

/** '.' or ',' for the language the insight is read in (the interface's, or the board's in the report). */
export const decimalSeparator = (language: string | undefined) => (language?.startsWith('it') ? ',' : '.');
