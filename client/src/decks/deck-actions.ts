/**
 * What the deck panel does to the shared board, each through one shared command (so with LOCAL_ORIGIN)
 * and with the same role checks as sync/actions.ts: dealing a card is a participant's write, importing
 * or removing a deck is the facilitator's (the server drops anything else anyway).
 */
import { importDeck, removeDeck } from '../../../shared/decks/board-decks';
import type { Deck, DeckCard } from '../../../shared/decks/deck-schema';
import { deckCardToAddInput } from '../../../shared/decks/deck-to-card';
import { addCard } from '../../../shared/commands/cards';
import type { CellRef } from '../../../shared/layout';
import { activeBoard } from '../sync/connect-board';
import { startEditing } from '../sync/actions';
import { boardStore } from '../store/board-store';
import { prefsStore } from '../store/prefs-store';
import { canEditCards, canEditSkeleton, sessionStore } from '../store/session-store';
import { uiStore } from '../store/ui-store';
import { boardDecksStore } from './board-decks-store';
import { deckDragStore } from './deck-drag-store';

/**
 * Puts a copy of a deck card on the map, written in the board's content language (not the reader's).
 * One undo step. A blank note opens for typing right away, as a new note does.
 */
export function dealCard(deck: Deck, card: DeckCard, target: CellRef & { beforeId?: string }): string | null {
  const b = activeBoard();
  if (!b || !canEditCards(sessionStore.getState())) return null;
  const { locale } = boardStore.getState().meta;
  const input = deckCardToAddInput(deck, card, locale, target, prefsStore.getState().name);
  b.undo.stopCapturing();
  // ownerId: in cards-only mode a participant may change only the cards they created (docs/roles.md).
  const id = addCard(b.doc, { ...input, ownerId: sessionStore.getState().personId ?? undefined, beforeId: target.beforeId });
  b.undo.stopCapturing();
  uiStore.setState({ selectedId: id });
  deckDragStore.setState((s) => ({ dealt: s.dealt + 1 }));
  if (card.kind === 'note' && !input.text) startEditing(id);
  return id;
}

/** Stores a checked deck in the board for everyone; true when it replaced a deck with the same id. */
export function importBoardDeck(deck: Deck): { ok: boolean; replaced: boolean } {
  const b = activeBoard();
  if (!b || !canEditSkeleton(sessionStore.getState())) return { ok: false, replaced: false };
  const replaced = boardDecksStore.getState().custom.some((d) => d.id === deck.id);
  importDeck(b.doc, deck);
  return { ok: true, replaced };
}

export function removeBoardDeck(deckId: string): boolean {
  const b = activeBoard();
  if (!b || !canEditSkeleton(sessionStore.getState())) return false;
  return removeDeck(b.doc, deckId);
}
