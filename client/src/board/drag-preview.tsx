import { cardMetrics } from '../../../shared/card-layout/card-metrics';
import { useCard } from '../store/board-store';
import { useUi } from '../store/ui-store';
import { CardFace } from './card-face';

/** The note under the pointer during a drag, drawn at the board's zoom inside dnd-kit's unscaled overlay. */
export function DragPreview() {
  const id = useUi((s) => s.draggingId);
  const zoom = useUi((s) => s.camera.zoom);
  const card = useCard(id ?? '');
  if (!card) return null;
  return (
    <div
      className="card card-overlay"
      style={{ width: cardMetrics(card).w, height: cardMetrics(card).h, background: card.color, transform: `scale(${zoom})`, transformOrigin: '0 0' }}
    >
      <CardFace card={card} />
    </div>
  );
}
