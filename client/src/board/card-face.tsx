import type { CardData } from '../../../shared/doc/schema';

/** What a note shows, shared by the note on the map and the one under the pointer while dragging. */
export function CardFace({ card }: { card: CardData }) {
  return (
    <div className="card-text" dir="auto">
      {card.text}
    </div>
  );
}
