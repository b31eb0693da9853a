import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Role } from '../../../shared/protocol';

/** Connection and permission facts about the open board, written by sync/ and read by the chrome. */
export type SocketStatus = 'connecting' | 'connected' | 'disconnected';
export type FatalError = 'bad-token' | 'unknown-board' | 'no-token';

export interface SessionState {
  boardId: string | null;
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
}

export function initialSession(): SessionState {
  return {
    boardId: null,
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
  };
}

export const sessionStore = createStore<SessionState>(() => initialSession());

export function useSession<T>(selector: (s: SessionState) => T): T {
  return useStore(sessionStore, selector);
}

export function canEditCards(s: SessionState): boolean {
  return !s.readOnly && (s.role === 'facilitator' || s.role === 'participant');
}
export function canEditSkeleton(s: SessionState): boolean {
  return !s.readOnly && s.role === 'facilitator';
}
export const useCanEdit = () => useSession(canEditCards);
export const useIsFacilitator = () => useSession(canEditSkeleton);
