import type { Role } from '../../../shared/protocol';
import { ApiError, fetchAccess } from '../lib/api';
import { findSavedBoard, saveBoard } from '../lib/saved-boards';
import { boardStore } from '../store/board-store';
import { sessionStore } from '../store/session-store';
import { initialUi, uiStore } from '../store/ui-store';
import { connectBoard, resetSession } from './connect-board';

/**
 * Everything that happens when a board page opens: find the token (link first, then this browser's
 * saved boards), connect, learn the role from the server (or from the saved board when offline), and
 * remember the board for the home page. Returns the clean-up for when the page closes.
 */
export function openBoard(route: { id: string; token: string | null; projector: boolean }): () => void {
  resetSession(route.id, route.projector);
  uiStore.setState(initialUi(), true);
  const saved = findSavedBoard(route.id);
  const token = route.token ?? saved?.token ?? null;
  if (!token) {
    sessionStore.setState({ fatal: 'no-token' });
    return () => {};
  }
  sessionStore.setState({ token });
  // The saved role is right for the saved token only; a link with another token waits for /access.
  if (saved && saved.token === token) sessionStore.setState({ role: saved.role, links: saved.links });

  const connection = connectBoard(route.id, token, { anonymous: route.projector });

  const remember = (role: Role, links: Partial<Record<Role, string>>) =>
    saveBoard({ id: route.id, title: boardStore.getState().meta.title, role, token, links, lastOpened: Date.now() });

  const abort = new AbortController();
  fetchAccess(route.id, token, abort.signal).then(
    (access) => {
      sessionStore.setState({ role: access.role, links: access.links });
      if (!route.projector) remember(access.role, access.links);
    },
    (err: unknown) => {
      if (err instanceof ApiError && err.status === 401) sessionStore.setState({ fatal: 'bad-token' });
      else if (err instanceof ApiError && err.status === 404) sessionStore.setState({ fatal: 'unknown-board' });
      // Offline or server down: keep the saved role; the websocket keeps trying on its own.
    },
  );

  const unsubTitle = boardStore.subscribe((s, prev) => {
    const role = sessionStore.getState().role;
    if (s.meta.title && s.meta.title !== prev.meta.title && role && !route.projector) remember(role, sessionStore.getState().links);
  });

  return () => {
    abort.abort();
    unsubTitle();
    connection.destroy();
  };
}
