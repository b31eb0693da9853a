import { memo, useId } from 'react';
import { useDraggable } from '@dnd-kit/core';
import { Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Deck, DeckCard } from '../../../shared/decks/deck-schema';
import type { Locale } from '../../../shared/doc/schema';
import { ValenceBadge } from '../journey/valence-badge';
import { cardIcon } from './deck-icons';
import { deckDragId, type DeckDragData } from './drag-data';
import { kindColor } from './kind-color';

interface Props {
  deck: Deck;
  card: DeckCard;
  lang: Locale;
  /** Id of the hidden text explaining keyboard dragging of deck cards. */
  instructionsId: string;
  onAddTo(deck: Deck, card: DeckCard): void;
}

/**
 * One card of a deck, in the reader's language: a draggable "button" named by its title (mouse, touch
 * or keyboard), plus an "Add to…" button for people who cannot or prefer not to drag. A click or tap on
 * the card itself opens "Add to…" as well.
 */
export const DeckCardItem = memo(function DeckCardItem({ deck, card, lang, instructionsId, onAddTo }: Props) {
  const { t } = useTranslation();
  const metaId = useId();
  const titleId = useId();
  const data: DeckDragData = { type: 'deck-card', deck, card };
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: deckDragId(deck.id, card.id),
    data,
    attributes: { roleDescription: t('decks.panel.draggable') },
  });
  const Icon = cardIcon(card.icon, card.kind);
  const text = card.text?.[lang];

  return (
    <li className={`deck-card${isDragging ? ' is-dragging' : ''}`} style={{ '--kind-color': kindColor(card) } as React.CSSProperties}>
      <div
        ref={setNodeRef}
        className="deck-card-drag"
        {...attributes}
        {...listeners}
        aria-label={card.title[lang]}
        aria-describedby={`${metaId} ${instructionsId}`}
        data-deck-card={`${deck.id}/${card.id}`}
        onClick={() => onAddTo(deck, card)}
      >
        <span className="deck-card-icon" aria-hidden>
          <Icon size={16} />
        </span>
        <span className="deck-card-body">
          <span className="deck-card-title" id={titleId}>
            {card.title[lang]}
          </span>
          {text && <span className="deck-card-text">{text}</span>}
        </span>
        <span className="deck-card-meta" id={metaId}>
          <span className="sr-only">{t(`decks.kinds.${card.kind}`)}</span>
          {card.valence !== undefined && <ValenceBadge value={card.valence} />}
        </span>
      </div>
      <button type="button" className="deck-card-add" aria-describedby={titleId} onClick={() => onAddTo(deck, card)}>
        <Plus aria-hidden size={14} />
        {t('decks.card.addTo')}
      </button>
    </li>
  );
});
