import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { DeckDragData } from './drag-data';

/**
 * The deck card this person is dragging right now, if any: local UI state for the overlay and for the
 * phone drawer, which steps aside so the map is visible under the finger.
 */
export const deckDragStore = createStore<{ dragging: DeckDragData | null }>(() => ({ dragging: null }));

export const useDeckDragging = () => useStore(deckDragStore, (s) => s.dragging);
