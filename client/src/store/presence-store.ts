import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Role } from '../../../shared/protocol';
import type { Point, Rect } from '../../../shared/layout';

/** Other people on the board, projected from awareness by sync/presence.ts. */
export interface Peer {
  clientId: number;
  name: string;
  color: string;
  role: Role | null;
}

/** What someone else is doing to a card right now. */
export interface CardActivity {
  clientId: number;
  name: string;
  color: string;
  kind: 'drag' | 'edit';
  /** Board position of the card's top-left while it is dragged. */
  at?: Point;
}

export interface PresenceState {
  /** Everyone else connected, sorted by name. */
  peers: Peer[];
  cursors: Record<number, Point>;
  activity: Record<string, CardActivity>;
  /** What each person sees, as a board rectangle (for following someone's view). */
  viewports: Record<number, Rect>;
  /** The card each person has selected, if any (the projector zooms to a facilitator's). */
  selections: Record<number, string>;
}

export const createPresenceStore = () => createStore<PresenceState>(() => ({ peers: [], cursors: {}, activity: {}, viewports: {}, selections: {} }));
export type PresenceStore = ReturnType<typeof createPresenceStore>;

export const presenceStore = createPresenceStore();

export function usePresence<T>(selector: (s: PresenceState) => T): T {
  return useStore(presenceStore, selector);
}
