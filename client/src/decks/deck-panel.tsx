import { useCallback, useDeferredValue, useEffect, useId, useState } from 'react';
import { Layers, PanelLeftClose, Search, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { DeckStatus } from './deck-status';
import type { Deck, DeckCard } from '../../../shared/decks/deck-schema';
import { useCanEdit, useIsFacilitator } from '../store/session-store';
import { MomentsIndicator } from '../journey/moments-indicator';
import { useUiLocale } from '../journey/use-ui-locale';
import { AddToDialog } from './add-to-dialog';
import { BUILTIN_DECK_IDS, useAllDecks } from './board-decks-store';
import { removeBoardDeck } from './deck-actions';
import { DeckImportBox } from './deck-import-box';
import { countMatches, searchDecks } from './deck-search';
import { DeckSection } from './deck-section';
import { useDealtCount, useDeckDragging } from './deck-drag-store';
import { useDeckImport } from './use-deck-import';
import { useFileDrop } from './use-file-drop';
import { usePanelOpen } from './use-panel-open';
import './deck-panel.css';

/**
 * The deck panel beside the map: every deck, searchable, in the reader's language; cards are dragged
 * onto the map or added with "Add to…". The facilitator also imports decks here (file picker or a .json
 * dropped on the panel). People who cannot add cards (viewers, the projector) do not get the panel.
 * On a phone it is a drawer behind a toggle, so the map keeps the screen.
 */
export function DeckPanel() {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const isFacilitator = useIsFacilitator();
  const lang = useUiLocale();
  const decks = useAllDecks();
  const panelId = useId();
  const titleId = useId();
  const instructionsId = useId();
  const { open, setOpen, drawer } = usePanelOpen();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [adding, setAdding] = useState<{ deck: Deck; card: DeckCard } | null>(null);
  const [status, setStatusFn] = useState<DeckStatus | null>(null);
  // A function in state must be set through an updater, or React would call it.
  const setStatus = useCallback((next: DeckStatus | null) => setStatusFn(() => next), []);
  const dealing = !!useDeckDragging();
  const dealt = useDealtCount();
  // On a phone the drawer covers the map: once a card is dealt, step away so the person sees it land.
  useEffect(() => {
    if (dealt > 0 && drawer) setOpen(false);
  }, [dealt, drawer, setOpen]);
  const importer = useDeckImport(setStatus);
  const fileDrop = useFileDrop(isFacilitator ? importer.importFile : null);

  const toggleDeck = useCallback((id: string) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  const onAddTo = useCallback((deck: Deck, card: DeckCard) => setAdding({ deck, card }), []);
  const onRemove = useCallback(
    (deck: Deck) => {
      if (removeBoardDeck(deck.id)) setStatus((tr, l) => tr('decks.remove.done', { deck: deck.title[l] }));
    },
    [setStatus],
  );

  if (!canEdit) return null;

  const searching = deferredQuery.trim() !== '';
  const matches = searchDecks(decks, deferredQuery, lang);
  const found = countMatches(matches);

  return (
    <>
      {!open && (
        <button type="button" className={`deck-panel-toggle${drawer ? ' is-drawer' : ''}`} aria-expanded={false} aria-controls={panelId} onClick={() => setOpen(true)}>
          <Layers aria-hidden size={18} />
          <span>{t('decks.panel.show')}</span>
        </button>
      )}
      <aside
        id={panelId}
        className={`deck-panel${drawer ? ' is-drawer' : ''}${dealing ? ' is-dealing' : ''}${fileDrop.over ? ' is-file-over' : ''}`}
        aria-labelledby={titleId}
        hidden={!open}
        {...fileDrop.handlers}
      >
        <div className="deck-panel-head">
          <h2 id={titleId} className="deck-panel-title">
            <Layers aria-hidden size={18} />
            {t('decks.panel.title')}
          </h2>
          <button type="button" className="icon-button" aria-label={t('decks.panel.hide')} title={t('decks.panel.hide')} aria-expanded={true} aria-controls={panelId} onClick={() => setOpen(false)}>
            {drawer ? <X aria-hidden size={18} /> : <PanelLeftClose aria-hidden size={18} />}
          </button>
        </div>
        {/* On a phone the top bar has no room for the key-moments indicator: it lives here. */}
        {drawer && <MomentsIndicator />}
        <div className="deck-search">
          <Search aria-hidden size={16} className="deck-search-icon" />
          <input
            type="search"
            className="input"
            aria-label={t('decks.panel.searchLabel')}
            placeholder={t('decks.panel.searchPlaceholder')}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setStatus(null); // the last action's message gives way to the search result count
            }}
          />
        </div>
        <p className="hint deck-hint">{t('decks.panel.hint')}</p>
        <p className="deck-status" role="status">
          {status?.(t, lang) || (searching ? (found ? t('decks.panel.results', { count: found }) : t('decks.panel.noResults', { query: deferredQuery.trim() })) : '')}
        </p>
        {isFacilitator && <DeckImportBox state={importer.state} importFile={importer.importFile} dismiss={importer.dismiss} />}
        <div className="deck-list">
          {matches.map(({ deck, cards }) => (
            <DeckSection
              key={deck.id}
              deck={deck}
              cards={cards}
              lang={lang}
              expanded={searching || expanded.has(deck.id)}
              onToggle={toggleDeck}
              custom={!BUILTIN_DECK_IDS.has(deck.id)}
              canRemove={isFacilitator}
              onRemove={onRemove}
              instructionsId={instructionsId}
              onAddTo={onAddTo}
            />
          ))}
        </div>
        <p id={instructionsId} hidden>
          {t('decks.dnd.instructions')}
        </p>
        {fileDrop.over && (
          <div className="deck-drop-overlay" aria-hidden>
            {t('decks.import.dropHere')}
          </div>
        )}
      </aside>
      {adding && <AddToDialog deck={adding.deck} card={adding.card} onClose={() => setAdding(null)} onAdded={setStatus} />}
    </>
  );
}
