import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { DeckDragData } from './drag-data';

/**
 * The deck card this person is dragging right now, if any: local UI state for the overlay and for the
 * phone drawer, which steps aside so the map is visible under the finger.
 */
export const deckDragStore = createStore<{ dragging: DeckDragData | null; dealt: number }>(() => ({ dragging: null, dealt: 0 }));

export const useDeckDragging = () => useStore(deckDragStore, (s) => s.dragging);

/** Counts the cards this person dealt: the phone drawer closes after each, to show where it landed. */
export const useDealtCount = () => useStore(deckDragStore, (s) => s.dealt);
