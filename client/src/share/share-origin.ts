import type { NetworkInfo } from '../../../shared/protocol';

/**
 * Where the share links and QR codes point:
 * - `public`: the operator's PUBLIC_URL (behind a proxy, or a name on the network); always right.
 * - `network`: the facilitator opened the app on this machine (localhost), which no phone can open, so
 *   the links use the machine's network address that the server reported.
 * - `local-only`: on localhost with no network address (HOST=127.0.0.1, or no network): phones cannot
 *   join, and the dialog says what to do.
 * - `browser`: the address this browser used already reaches the server from elsewhere.
 */
export type ShareOriginKind = 'public' | 'network' | 'local-only' | 'browser';

export interface ShareOrigin {
  origin: string;
  kind: ShareOriginKind;
}

export function isLoopbackHostname(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** `info` is null until /api/network answers (or when it failed): the browser's own origin meanwhile. */
export function chooseShareOrigin(browserOrigin: string, info: NetworkInfo | null): ShareOrigin {
  if (info?.publicUrl) return { origin: info.publicUrl, kind: 'public' };
  const local = isLoopbackHostname(new URL(browserOrigin).hostname);
  if (!local) return { origin: browserOrigin, kind: 'browser' };
  if (info?.networkUrl) return { origin: info.networkUrl, kind: 'network' };
  return { origin: browserOrigin, kind: 'local-only' };
}
