import type { SessionState } from '../store/session-store';

export type ConnectionView = 'connected' | 'syncing' | 'connecting' | 'reconnecting' | 'offline';

/** The one connection word shown to people, from the socket status and the browser's online flag. */
export function connectionView(s: Pick<SessionState, 'online' | 'socket' | 'synced' | 'everSynced'>): ConnectionView {
  if (!s.online) return 'offline';
  if (s.socket === 'connected') return s.synced ? 'connected' : 'syncing';
  return s.everSynced ? 'reconnecting' : 'connecting';
}

/** Offline or cut off after a sync, edits wait in IndexedDB: say so, people worry about losing work. */
export const savesLocally = (v: ConnectionView) => v === 'offline' || v === 'reconnecting';
