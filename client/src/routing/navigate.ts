import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './route';

/** A tiny History API router: the app has three routes and needs nothing more. */
const listeners = new Set<() => void>();
let current = read();

function read(): Route {
  return parseRoute(location.pathname, location.hash);
}
function changed() {
  const next = read();
  if (JSON.stringify(next) === JSON.stringify(current)) return;
  current = next;
  listeners.forEach((l) => l());
}

window.addEventListener('popstate', changed);
window.addEventListener('hashchange', changed);

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  changed();
  window.scrollTo(0, 0);
}

export function useRoute(): Route {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => current,
  );
}
