import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Role } from '../../../shared/protocol';
import { DEFAULT_LOCKS, type FacilitationLocks } from '../../../shared/doc/schema';

/** Connection and permission facts about the open board, written by sync/ and read by the chrome. */
export type SocketStatus = 'connecting' | 'connected' | 'disconnected';
export type FatalError = 'bad-token' | 'unknown-board' | 'no-token';

export interface SessionState {
  boardId: string | null;
  /** The board token this page opened with, for the REST calls that need it (history/history-api.ts). */
  token: string | null;
  /** null until /access answers (or a saved board tells us): the UI stays read-only meanwhile. */
  role: Role | null;
  /** The projector route shows the board read-only whatever the token allows. */
  readOnly: boolean;
  socket: SocketStatus;
  /** Has this connection finished its first sync with the server? */
  synced: boolean;
  /** Did we ever sync with the server during this visit (tells "connecting" from "reconnecting")? */
  everSynced: boolean;
  /** Content from this device's IndexedDB copy is in (the board can show before the server answers). */
  localLoaded: boolean;
  online: boolean;
  fatal: FatalError | null;
  canUndo: boolean;
  canRedo: boolean;
  /** Links this person may share, by role. */
  links: Partial<Record<Role, string>>;
  /** The facilitator's locks, projected from the document (facilitation/project-facilitation.ts). */
  locks: FacilitationLocks;
  /** This browser's public person id (facilitation/person.ts): owner of the cards it creates. */
  personId: string | null;
}

export function initialSession(): SessionState {
  return {
    boardId: null,
    token: null,
    role: null,
    readOnly: false,
    socket: 'connecting',
    synced: false,
    everSynced: false,
    localLoaded: false,
    online: typeof navigator === 'undefined' ? true : navigator.onLine,
    fatal: null,
    canUndo: false,
    canRedo: false,
    links: {},
    locks: DEFAULT_LOCKS,
    personId: null,
  };
}

export const sessionStore = createStore<SessionState>(() => initialSession());

export function useSession<T>(selector: (s: SessionState) => T): T {
  return useStore(sessionStore, selector);
}

/** May add cards (and write at all): facilitators, and participants while the board is not locked. */
export function canEditCards(s: SessionState): boolean {
  if (s.readOnly) return false;
  return s.role === 'facilitator' || (s.role === 'participant' && !s.locks.boardLocked);
}
/** Facilitator-only actions (decks, locks, timer…). */
export function canEditSkeleton(s: SessionState): boolean {
  return !s.readOnly && s.role === 'facilitator';
}
/** May rename, add, move and remove stages and lanes: facilitators, participants while the skeleton is unlocked. */
export function canChangeSkeleton(s: SessionState): boolean {
  return canEditSkeleton(s) || (canEditCards(s) && s.role === 'participant' && !s.locks.skeletonLocked);
}
/** May change or delete an existing card: in cards-only mode a participant only their own (docs/roles.md). */
export function canChangeCard(s: SessionState, ownerId: string | undefined): boolean {
  if (!canEditCards(s)) return false;
  return s.role === 'facilitator' || !s.locks.cardsOnly || (!!ownerId && ownerId === s.personId);
}
export const useCanEdit = () => useSession(canEditCards);
export const useIsFacilitator = () => useSession(canEditSkeleton);
export const useCanChangeSkeleton = () => useSession(canChangeSkeleton);
export const useCanChangeCard = (ownerId: string | undefined) => useSession((s) => canChangeCard(s, ownerId));
