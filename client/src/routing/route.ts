/**
 * The app's three addresses. The access token travels in the fragment (`#token=`), which browsers
 * never send to the server or in Referer headers.
 */
export type Route =
  | { kind: 'home' }
  | { kind: 'board'; id: string; token: string | null; projector: boolean }
  | { kind: 'not-found' };

const BOARD = /^\/b\/([A-Za-z0-9_-]{1,64})(\/projector)?\/?$/;

export function parseRoute(pathname: string, hash: string): Route {
  if (pathname === '/' || pathname === '') return { kind: 'home' };
  const m = BOARD.exec(pathname);
  if (!m) return { kind: 'not-found' };
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return { kind: 'board', id: m[1], token: token || null, projector: Boolean(m[2]) };
}

export function boardPath(id: string, token?: string, projector = false): string {
  const path = `/b/${encodeURIComponent(id)}${projector ? '/projector' : ''}`;
  return token ? `${path}#token=${encodeURIComponent(token)}` : path;
}

/** Absolute link to hand to someone (share dialog, QR codes). */
export function boardUrl(origin: string, id: string, token: string, projector = false): string {
  return origin + boardPath(id, token, projector);
}
