import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { AxisItem, BoardMeta, CardData } from '../../../shared/doc/schema';
import { computeLayout, type BoardLayout } from '../../../shared/layout';

/**
 * The shared board as plain immutable data, written only by the projection in sync/project-doc.ts.
 * Objects keep their identity until their own content changes, so a component that selects one card
 * by id re-renders only when that card changes.
 */
export interface BoardState {
  meta: BoardMeta;
  stages: AxisItem[];
  lanes: AxisItem[];
  cards: Readonly<Record<string, CardData>>;
  /** Derived from stages, lanes and card placement; recomputed only when one of those changes. */
  layout: BoardLayout;
}

export function emptyBoardState(): BoardState {
  return {
    meta: { schemaVersion: 1, title: '', locale: 'it', createdAt: 0 },
    stages: [],
    lanes: [],
    cards: {},
    layout: computeLayout([], [], []),
  };
}

export type BoardStore = ReturnType<typeof createBoardStore>;
export const createBoardStore = () => createStore<BoardState>(() => emptyBoardState());

export const boardStore = createBoardStore();

export function useBoard<T>(selector: (s: BoardState) => T): T {
  return useStore(boardStore, selector);
}

export const useCard = (id: string): CardData | undefined => useBoard((s) => s.cards[id]);
