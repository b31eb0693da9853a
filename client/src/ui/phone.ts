import { useSyncExternalStore } from 'react';

/**
 * The phone layout's breakpoint, one for the whole client (the CSS media queries use the same width):
 * the deck panel becomes a drawer, the top bar moves Share, Insights and History into "More actions",
 * the Insights and History panels step aside for what they show on the map.
 */
export const PHONE_QUERY = '(max-width: 720px)';

const query = () => (typeof window === 'undefined' || typeof window.matchMedia !== 'function' ? null : window.matchMedia(PHONE_QUERY));

/** Whether the window is phone-sized now (for event handlers). */
export const isPhone = (): boolean => query()?.matches ?? false;

function subscribe(onChange: () => void): () => void {
  const q = query();
  q?.addEventListener('change', onChange);
  return () => q?.removeEventListener('change', onChange);
}

/** Whether the window is phone-sized, re-rendering when that changes. */
export function usePhone(): boolean {
  return useSyncExternalStore(subscribe, isPhone, () => false);
}
