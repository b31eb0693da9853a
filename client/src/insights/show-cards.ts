import type { Rect } from '../../../shared/layout';
import { setCamera } from '../board/camera';
import { boardStore } from '../store/board-store';
import { uiStore } from '../store/ui-store';
import { insightsStore } from './insights-store';

/** Readable enough to recognise a card when the map was zoomed far out. */
const MIN_SHOW_ZOOM = 0.6;
const MARGIN = 48;

/** The smallest rectangle holding all of them (null for none). */
export function unionRect(rects: readonly Rect[]): Rect | null {
  if (!rects.length) return null;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.w));
  const bottom = Math.max(...rects.map((r) => r.y + r.h));
  return { x, y, w: right - x, h: bottom - y };
}

/**
 * An insight's cards on the map: the first one is selected (its action bar, keyboard focus target), all
 * of them are outlined (highlight-layer.tsx), and the camera centres on them, zooming out only as far as
 * needed to show them all and in to a readable size when the map was far away.
 */
export function showCards(key: string, ids: readonly string[]): void {
  const { layout } = boardStore.getState();
  const placed = ids.filter((id) => layout.cards.has(id));
  insightsStore.setState({ highlight: { key, ids: placed } });
  uiStore.setState({ selectedId: placed[0] ?? null, editingId: null });
  const box = unionRect(placed.map((id) => layout.cards.get(id)!));
  const { camera, viewport } = uiStore.getState();
  if (!box || !viewport.w || !viewport.h) return;
  const fit = Math.min((viewport.w - 2 * MARGIN) / box.w, (viewport.h - 2 * MARGIN) / box.h);
  const zoom = Math.min(fit, Math.max(camera.zoom, MIN_SHOW_ZOOM));
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  setCamera({ zoom, x: viewport.w / 2 - cx * zoom, y: viewport.h / 2 - cy * zoom });
}

export function clearHighlight(): void {
  if (insightsStore.getState().highlight) insightsStore.setState({ highlight: null });
}
