import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { readLocal, STORAGE_KEYS, writeLocal } from '../lib/storage';

/** Personal preferences kept in this browser. The interface language lives in i18n/. */
export interface PrefsState {
  /** Display name shown to others; empty until the person chooses one. */
  name: string;
}

export const MAX_NAME_LENGTH = 40;

export const prefsStore = createStore<PrefsState>(() => ({ name: readLocal(STORAGE_KEYS.name)?.trim().slice(0, MAX_NAME_LENGTH) ?? '' }));

export function usePrefs<T>(selector: (s: PrefsState) => T): T {
  return useStore(prefsStore, selector);
}

export function setMyName(name: string): void {
  const clean = name.trim().slice(0, MAX_NAME_LENGTH);
  if (!clean) return;
  writeLocal(STORAGE_KEYS.name, clean);
  prefsStore.setState({ name: clean });
}
