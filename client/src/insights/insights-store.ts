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

export function setInsightsOpen(open: boolean): void {
  insightsStore.setState(open ? { panelOpen: true } : { panelOpen: false, highlight: null });
}
export const toggleInsights = () => setInsightsOpen(!insightsStore.getState().panelOpen);
