import { useMemo } from 'react';
import { compareBoards, type BoardChanges, type BoardPlain } from '../../../shared/history/board-changes';
import { useBoard } from '../store/board-store';
import { liveBoard } from './history-actions';
import { NOW, useHistory } from './history-store';

export type Comparison =
  | { status: 'loading' | 'error' }
  | { status: 'ready'; changes: BoardChanges; later: BoardPlain; from: string; to: string };

/**
 * The changes the History view compares, recomputed when a checkpoint file arrives and, against the live
 * board, whenever the board changes (so "until now" stays true while the team works).
 */
export function useComparison(): Comparison | null {
  const view = useHistory((s) => s.view);
  const files = useHistory((s) => s.files);
  const fetching = useHistory((s) => s.fetching);
  // The live board's projection changes with every edit: the trigger to read the document again.
  const liveCards = useBoard((s) => s.cards);
  const liveStages = useBoard((s) => s.stages);
  const liveLanes = useBoard((s) => s.lanes);
  const toNow = view?.kind === 'compare' && view.to === NOW;
  const live = useMemo(() => (toNow ? liveBoard() : null), [toNow, liveCards, liveStages, liveLanes]);
  return useMemo(() => {
    if (view?.kind !== 'compare') return null;
    const before = files[view.from]?.board;
    const after = view.to === NOW ? live : files[view.to]?.board;
    if (!before || !after) return { status: fetching[view.from] === 'error' || fetching[view.to] === 'error' ? 'error' : 'loading' };
    return { status: 'ready', changes: compareBoards(before, after), later: after, from: view.from, to: view.to };
  }, [view, files, fetching, live]);
}
