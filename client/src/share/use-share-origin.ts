import { useEffect, useState } from 'react';
import type { NetworkInfo } from '../../../shared/protocol';
import { chooseShareOrigin, type ShareOrigin } from './share-origin';

let pending: Promise<NetworkInfo | null> | null = null;

/** GET /api/network once per page; null when offline or the server is older (links keep the browser's origin). */
function loadNetworkInfo(): Promise<NetworkInfo | null> {
  pending ??= fetch('/api/network')
    .then((res) => (res.ok ? (res.json() as Promise<Partial<NetworkInfo>>) : null))
    .then((body) =>
      body ? { publicUrl: typeof body.publicUrl === 'string' ? body.publicUrl : null, networkUrl: typeof body.networkUrl === 'string' ? body.networkUrl : null } : null,
    )
    .catch(() => {
      pending = null; // try again next time, e.g. once back online
      return null;
    });
  return pending;
}

/**
 * The origin share links and QR codes use (see share-origin.ts), and why. `settled` is false until the
 * server answered (or failed), so a hint does not flash the wrong advice meanwhile.
 */
export function useShareOrigin(): ShareOrigin & { settled: boolean } {
  const [answer, setAnswer] = useState<{ info: NetworkInfo | null } | null>(null);
  useEffect(() => {
    let live = true;
    void loadNetworkInfo().then((info) => live && setAnswer({ info }));
    return () => {
      live = false;
    };
  }, []);
  return { ...chooseShareOrigin(location.origin, answer?.info ?? null), settled: answer !== null };
}
