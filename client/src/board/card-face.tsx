import type { CardData } from '../../../shared/doc/schema';
import { cardMetrics } from '../../../shared/card-layout/card-metrics';
import { CardKindFace, hasKindFace } from '../journey/card-kind-face';

/**
 * What a note shows, shared by the note on the map, the one under the pointer while dragging and the
 * exports. The words come from the card layout (shared/card-layout): all of them, or for a very long
 * text an excerpt ending in "…" (then the card has a tooltip with the full text, see `cardTooltip`).
 * `expanded` (a selected card) shows the whole text.
 */
export function CardFace({ card, expanded = false }: { card: CardData; expanded?: boolean }) {
  // Deck cards show their kind (icon, valence, answer, moment marker); plain notes just their text.
  if (hasKindFace(card)) return <CardKindFace card={card} expanded={expanded} />;
  const m = cardMetrics(card);
  return (
    <div className="card-text" dir="auto">
      {/* The words in their own box: far out the map clips them and draws bars (level-of-detail.ts). */}
      <span className="card-words">{expanded || !m.truncated ? card.text : m.text.text}</span>
    </div>
  );
}

/** The full text of a card whose face shows an excerpt (its title attribute), else undefined. */
export function cardTooltip(card: CardData): string | undefined {
  if (!cardMetrics(card).truncated) return undefined;
  return card.kind === 'question' && card.answer?.trim() ? `${card.text}\n\n${card.answer.trim()}` : card.text;
}
