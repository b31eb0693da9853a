import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { cardPersona } from '../../../shared/personas/read-personas';
import { inPersonaView } from '../../../shared/personas/persona-curves';
import { useBoard } from '../store/board-store';
import { usePersonaFilter, usePersonas } from './persona-store';
import './personas.css';

/**
 * On the map, in board units: each tagged card's persona as a small tab in the persona's colour on its
 * top edge, and while the map is filtered to a persona, a veil that dims the cards of the others (they
 * stay where they are: the journey keeps its shape). Not a control; the card's toolbar tags a card.
 */
export const PersonaLayer = memo(function PersonaLayer() {
  const { t } = useTranslation();
  const personas = usePersonas((s) => s.personas);
  const filter = usePersonaFilter();
  const cards = useBoard((s) => s.cards);
  const rects = useBoard((s) => s.layout.cards);
  if (personas.length === 0) return null;
  const out = [];
  for (const card of Object.values(cards)) {
    const r = rects.get(card.id);
    if (!r) continue;
    if (!inPersonaView(card, filter, personas)) {
      out.push(<span key={`v${card.id}`} className="persona-veil" data-dimmed-card={card.id} style={{ left: r.x, top: r.y, width: r.w, height: r.h }} />);
    }
    const p = cardPersona(card, personas);
    if (!p) continue;
    out.push(
      <span key={card.id} className="persona-tab" data-persona-for={card.id} style={{ left: r.x + r.w, top: r.y, '--persona': p.color } as React.CSSProperties}>
        <span aria-hidden>{p.name}</span>
        <span className="sr-only">{t('personas.tagged', { name: p.name })}</span>
      </span>,
    );
  }
  return out.length ? <div className="persona-layer">{out}</div> : null;
});
