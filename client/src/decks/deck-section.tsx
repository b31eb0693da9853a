import { memo, useId, useState } from 'react';
import { ChevronRight, Download, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Deck, DeckCard } from '../../../shared/decks/deck-schema';
import type { Locale } from '../../../shared/doc/schema';
import { DeckCardItem } from './deck-card-item';
import { downloadDeck } from './download-deck';
import { useAgendaDeck } from '../facilitation/agenda-focus';
import './deck-list.css';

interface Props {
  deck: Deck;
  /** The cards to show: all of them, or those matching the search. */
  cards: DeckCard[];
  lang: Locale;
  expanded: boolean;
  onToggle(deckId: string): void;
  /** A deck stored in this board (not built in). */
  custom: boolean;
  /** The facilitator may remove board decks. */
  canRemove: boolean;
  onRemove(deck: Deck): void;
  instructionsId: string;
  onAddTo(deck: Deck, card: DeckCard): void;
}

/** One deck in the panel: a heading that opens and closes its card list, export, and for board decks removal. */
export const DeckSection = memo(function DeckSection(props: Props) {
  const { deck, cards, lang, expanded, custom } = props;
  const { t } = useTranslation();
  const listId = useId();
  const [confirming, setConfirming] = useState(false);
  const title = deck.title[lang];
  // The deck the current workshop step deals from is highlighted (facilitation/agenda-focus.ts).
  const agendaDeck = useAgendaDeck() === deck.id;

  return (
    <div className={`deck-section${expanded ? ' is-open' : ''}${agendaDeck ? ' is-agenda-deck' : ''}`}>
      <div className="deck-heading">
        <h3>
          <button
            type="button"
            className="deck-toggle"
            aria-expanded={expanded}
            aria-controls={listId}
            onClick={() => props.onToggle(deck.id)}
          >
            <ChevronRight aria-hidden size={16} className="deck-chevron" />
            <span className="deck-title">{title}</span>
            <span className="deck-count">{t('decks.panel.cards', { count: cards.length })}</span>
          </button>
        </h3>
        {custom && <span className="badge deck-custom-badge">{t('decks.panel.boardDeck')}</span>}
        <button
          type="button"
          className="icon-button deck-tool"
          aria-label={t('decks.export.button', { deck: title })}
          title={t('decks.export.button', { deck: title })}
          onClick={() => downloadDeck(deck)}
        >
          <Download aria-hidden size={16} />
        </button>
        {custom && props.canRemove && (
          <button
            type="button"
            className="icon-button deck-tool danger"
            aria-label={t('decks.remove.button', { deck: title })}
            title={t('decks.remove.button', { deck: title })}
            onClick={() => setConfirming(true)}
          >
            <Trash2 aria-hidden size={16} />
          </button>
        )}
      </div>
      {confirming && (
        <div className="deck-confirm" role="group" aria-label={t('decks.remove.button', { deck: title })}>
          <p>{t('decks.remove.confirm', { deck: title })}</p>
          <div className="deck-confirm-actions">
            <button type="button" className="button" onClick={() => setConfirming(false)} autoFocus>
              {t('common.cancel')}
            </button>
            <button type="button" className="button button-danger" onClick={() => props.onRemove(deck)}>
              {t('decks.remove.yes')}
            </button>
          </div>
        </div>
      )}
      {expanded && deck.description && <p className="deck-description">{deck.description[lang]}</p>}
      <ul id={listId} className="deck-cards" hidden={!expanded}>
        {expanded &&
          cards.map((card) => (
            <DeckCardItem key={card.id} deck={deck} card={card} lang={lang} instructionsId={props.instructionsId} onAddTo={props.onAddTo} />
          ))}
      </ul>
    </div>
  );
});
