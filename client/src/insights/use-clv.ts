import { useMemo } from 'react';
import { clvForBoard, type ClvBoardView } from '../../../shared/insights/clv-board';
import { useFacilitation } from '../facilitation/facilitation-store';
import { useBoard } from '../store/board-store';

/** The board's CLV as the section shows it, recomputed only when its inputs change. */
export function useClv(): ClvBoardView {
  const stages = useBoard((s) => s.stages);
  const lanes = useBoard((s) => s.lanes);
  const cards = useBoard((s) => s.cards);
  const clv = useFacilitation((s) => s.clv);
  const vote = useFacilitation((s) => s.vote);
  const totals = useFacilitation((s) => s.totals);
  return useMemo(
    () =>
      clvForBoard({
        stages,
        lanes,
        cards: Object.values(cards),
        clv,
        vote,
        tallies: Object.entries(totals).map(([cardId, dots]) => ({ cardId, dots })),
      }),
    [stages, lanes, cards, clv, vote, totals],
  );
}
