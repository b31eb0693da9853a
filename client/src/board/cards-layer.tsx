import { memo, useMemo } from 'react';
import { useBoard } from '../store/board-store';
import { usePresence, type PresenceState } from '../store/presence-store';
import { useUi } from '../store/ui-store';
import { CardView } from './card-view';
import { cardsInRect, chunkRect, visibleChunkKey } from './culling';

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
  const chunks = useUi((s) => visibleChunkKey(s.camera, s.viewport.w || 1, s.viewport.h || 1));
  const selectedId = useUi((s) => s.selectedId);
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
        return <CardView key={id} id={id} x={r.x} y={r.y} unplaced={!!unplaced?.has(id)} />;
      })}
    </div>
  );
});
