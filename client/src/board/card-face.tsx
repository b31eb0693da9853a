import type { CardData } from '../../../shared/doc/schema';
import { CardKindFace, hasKindFace } from '../journey/card-kind-face';

/** What a note shows, shared by the note on the map and the one under the pointer while dragging. */
export function CardFace({ card }: { card: CardData }) {
  // Deck cards show their kind (icon, valence, answer, moment marker); plain notes just their text.
  if (hasKindFace(card)) return <CardKindFace card={card} />;
  return (
    <div className="card-text" dir="auto">
      {card.text}
    </div>
  );
}
