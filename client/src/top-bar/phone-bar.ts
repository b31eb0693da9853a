import { useSyncExternalStore } from 'react';

/**
 * A phone's top bar (top-bar.css, the same width): Share, Insights and History leave the bar for the
 * "More actions" menu, so the board's title keeps a readable width beside the controls that stay.
 */
export const PHONE_BAR_QUERY = '(max-width: 720px)';

const query = () => (typeof window === 'undefined' ? null : window.matchMedia(PHONE_BAR_QUERY));

function subscribe(onChange: () => void): () => void {
  const q = query();
  q?.addEventListener('change', onChange);
  return () => q?.removeEventListener('change', onChange);
}

/** Whether the top bar is a phone's: the menu then lists what the bar left out. */
export function usePhoneBar(): boolean {
  return useSyncExternalStore(subscribe, () => query()?.matches ?? false, () => false);
}
