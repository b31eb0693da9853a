/**
 * The decks a person can deal from: the built-in ones plus the custom decks stored in the board's
 * document (root `decks`). The projection below is the only reader of that root, in the same spirit as
 * sync/project-doc.ts: the document is the truth, components read plain data from this store.
 */
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { boardDecksMap, readBoardDecks } from '../../../shared/decks/board-decks';
import { BUILTIN_DECKS } from '../../../shared/decks/builtin';
import type { Deck, DeckCard } from '../../../shared/decks/deck-schema';

export interface BoardDecksState {
  /** Valid custom decks of the open board, sorted by id; never one with a built-in deck's id. */
  custom: Deck[];
}

export const BUILTIN_DECK_IDS: ReadonlySet<string> = new Set(BUILTIN_DECKS.map((d) => d.id));

export const createBoardDecksStore = () => createStore<BoardDecksState>(() => ({ custom: [] }));
export const boardDecksStore = createBoardDecksStore();

/** Starts mirroring the board's custom decks into `store`; returns the function that stops it. */
export function projectBoardDecks(doc: Y.Doc, store = boardDecksStore): () => void {
  const map = boardDecksMap(doc);
  // A built-in id in the document (written by another program) must not shadow the built-in deck.
  const read = () => store.setState({ custom: readBoardDecks(doc).filter((d) => !BUILTIN_DECK_IDS.has(d.id)) });
  read();
  map.observe(read);
  return () => {
    map.unobserve(read);
    store.setState({ custom: [] });
  };
}

export const useCustomDecks = () => useStore(boardDecksStore, (s) => s.custom);

/** Built-in decks first (in workshop order), then the board's own. */
export function useAllDecks(): Deck[] {
  const custom = useCustomDecks();
  return useMemo(() => [...BUILTIN_DECKS, ...custom], [custom]);
}

/** The deck card a board card came from (`deckCardId` = "deck/card"), if its deck is still available. */
export function findDeckCard(deckCardId: string | undefined, custom = boardDecksStore.getState().custom): { deck: Deck; card: DeckCard } | null {
  if (!deckCardId) return null;
  const slash = deckCardId.indexOf('/');
  if (slash < 1) return null;
  const deckId = deckCardId.slice(0, slash);
  const cardId = deckCardId.slice(slash + 1);
  const deck = BUILTIN_DECKS.find((d) => d.id === deckId) ?? custom.find((d) => d.id === deckId);
  const card = deck?.cards.find((c) => c.id === cardId);
  return deck && card ? { deck, card } : null;
}
