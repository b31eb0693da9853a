import { useEffect } from 'react';
import { useBoard } from '../store/board-store';
import { uiStore } from '../store/ui-store';
import { insightsStore, useInsights } from './insights-store';

/**
 * Outlines the cards behind the insight clicked last, in board units inside the scaled layer. It goes
 * away when the person selects a card outside the set or clears the selection (Escape, a click on the map).
 */
export function InsightsHighlightLayer() {
  const highlight = useInsights((s) => s.highlight);
  const layout = useBoard((s) => s.layout);
  useEffect(
    () =>
      uiStore.subscribe((ui, prev) => {
        const h = insightsStore.getState().highlight;
        if (h && ui.selectedId !== prev.selectedId && (ui.selectedId === null || !h.ids.includes(ui.selectedId))) insightsStore.setState({ highlight: null });
      }),
    [],
  );
  if (!highlight) return null;
  return (
    <div className="insights-highlight-layer" aria-hidden>
      {highlight.ids.map((id) => {
        const r = layout.cards.get(id);
        return r ? <div key={id} className="insights-highlight" data-card-id={id} style={{ left: r.x - 8, top: r.y - 8, width: r.w + 16, height: r.h + 16 }} /> : null;
      })}
    </div>
  );
}
