import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Backup } from '../../../shared/backup/backup-schema';
import type { VersionEntry } from '../../../shared/history/version-types';

/**
 * This person's History panel (local, never in the document): the checkpoint list as the server last
 * sent it, the checkpoint files fetched so far (a checkpoint never changes, so they are kept), and
 * what the map area shows instead of the live map, if anything.
 */
export type HistoryView =
  /** One checkpoint, read-only. */
  | { kind: 'checkpoint'; id: string }
  /** The changes from checkpoint `from` to checkpoint `to` or to the live board (`now`). */
  | { kind: 'compare'; from: string; to: string }
  /** The replay of how the map grew. */
  | { kind: 'replay' };

export const NOW = 'now';

export interface HistoryState {
  panelOpen: boolean;
  list: { status: 'idle' | 'loading' | 'ready' | 'error'; versions: VersionEntry[] };
  files: Readonly<Record<string, Backup>>;
  /** Checkpoint ids being fetched, and those that failed. */
  fetching: Readonly<Record<string, 'loading' | 'error'>>;
  view: HistoryView | null;
  /** Phone: the panel (a sheet over the map) steps aside while a checkpoint is on the map. */
  listHidden: boolean;
  /** The last thing done and how it went, for the panel's live region. */
  notice: { kind: 'busy' | 'done' | 'error'; key: string; opts?: Record<string, unknown>; link?: string } | null;
}

export const historyStore = createStore<HistoryState>(() => ({
  panelOpen: false,
  list: { status: 'idle', versions: [] },
  files: {},
  fetching: {},
  view: null,
  listHidden: false,
  notice: null,
}));

export function useHistory<T>(selector: (s: HistoryState) => T): T {
  return useStore(historyStore, selector);
}
