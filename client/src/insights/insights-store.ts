import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/**
 * This person's Insights panel: whether it is open, and the cards an insight last pointed at (outlined
 * on the map until another insight is chosen or the panel closes). Local: never in the document.
 */
export interface InsightsState {
  panelOpen: boolean;
  /** Card ids behind the insight clicked last, and which insight (for the list's pressed state). */
  highlight: { key: string; ids: readonly string[] } | null;
}

export const insightsStore = createStore<InsightsState>(() => ({ panelOpen: false, highlight: null }));

export function useInsights<T>(selector: (s: InsightsState) => T): T {
  return useStore(insightsStore, selector);
}

/** Closing the panel clears the outlines, unless they are what the person is about to look at (phone). */
export function setInsightsOpen(open: boolean, opts: { keepHighlight?: boolean } = {}): void {
  insightsStore.setState(open || opts.keepHighlight ? { panelOpen: open } : { panelOpen: false, highlight: null });
}
export const toggleInsights = () => setInsightsOpen(!insightsStore.getState().panelOpen);
