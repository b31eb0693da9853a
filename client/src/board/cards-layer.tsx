import { memo, useEffect, useMemo, useState } from 'react';
import { useBoard } from '../store/board-store';
import { usePresence, type PresenceState } from '../store/presence-store';
import { uiStore, useUiFocus, type UiState } from '../store/ui-store';
import { CardView } from './card-view';
import { cardsInRect, chunkRect, nextChunkKey } from './culling';
import { onViewGesture } from './view-gestures';

/** How long the camera must rest before the culling window shrinks to the view again. */
const SETTLE_MS = 180;

/**
 * The culling window as a chunk key. During a pan or zoom it changes only when the view leaves it
 * (culling.ts nextChunkKey), so a zoom gesture does not mount and unmount notes at every step.
 */
function useChunkKey(): string {
  const key = (s: UiState, prev: string | null, settled: boolean, zooming = false) =>
    nextChunkKey(prev, s.camera, s.viewport.w || 1, s.viewport.h || 1, settled, zooming);
  const [chunks, setChunks] = useState(() => key(uiStore.getState(), null, true));
  useEffect(() => {
    let current = key(uiStore.getState(), null, true);
    setChunks(current);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = (settled: boolean, zooming = false) => {
      const next = key(uiStore.getState(), current, settled, zooming);
      if (next !== current) setChunks((current = next));
    };
    const unsub = uiStore.subscribe((s, p) => {
      if (s.camera === p.camera && s.viewport === p.viewport) return;
      // A jump (fit, follow, summon, first view) is not a gesture: show its notes at once.
      const jump = s.viewport !== p.viewport || !p.cameraReady || Math.abs(Math.log(s.camera.zoom / p.camera.zoom)) > 0.5;
      update(jump, !jump && s.camera.zoom !== p.camera.zoom);
      clearTimeout(timer);
      timer = setTimeout(() => update(true), SETTLE_MS);
    });
    // A wheel that turns on at the minimum or maximum zoom changes no camera, yet the gesture goes on:
    // the window waits for it to rest (mounting every note of a far zoomed-out map mid-gesture is slow).
    const unsubGesture = onViewGesture(() => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = setTimeout(() => update(true), SETTLE_MS);
    });
    return () => {
      unsub();
      unsubGesture();
      clearTimeout(timer);
    };
  }, []);
  return chunks;
}

/** Ids of notes someone else is dragging, as one string so the selector result compares by value. */
const remoteDragKey = (s: PresenceState) =>
  Object.entries(s.activity)
    .filter(([, a]) => a.kind === 'drag')
    .map(([id]) => id)
    .sort()
    .join('\n');

/**
 * Renders only the notes near the viewport (culling). The visible area is snapped to coarse chunks,
 * so panning does not re-render this list every frame; notes are memoised by id and position.
 */
export const CardsLayer = memo(function CardsLayer() {
  const layout = useBoard((s) => s.layout);
  const chunks = useChunkKey();
  const selectedId = useUiFocus((s) => s.selectedId);
  const dragged = usePresence(remoteDragKey);

  const ids = useMemo(() => {
    const visible = new Set(cardsInRect(layout, chunkRect(chunks)));
    // A note being dragged by someone else, or selected here, renders even when its slot is off-screen.
    for (const id of dragged ? dragged.split('\n') : []) if (layout.cards.has(id)) visible.add(id);
    if (selectedId && layout.cards.has(selectedId)) visible.add(selectedId);
    return [...visible];
  }, [layout, chunks, dragged, selectedId]);

  const unplaced = layout.unplaced ? new Set(layout.unplaced.ids) : null;
  return (
    <div className="cards-layer">
      {ids.map((id) => {
        const r = layout.cards.get(id)!;
        return <CardView key={id} id={id} x={r.x} y={r.y} h={r.h} unplaced={!!unplaced?.has(id)} />;
      })}
    </div>
  );
});
