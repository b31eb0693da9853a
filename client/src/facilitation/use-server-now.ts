import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { clockStore, serverNow } from './server-clock';

/**
 * The server's time, refreshed every `everyMs` while `active` (a running countdown); otherwise read
 * once per render. Re-renders when the clock estimate changes too.
 */
export function useServerNow(active: boolean, everyMs = 250): number {
  useStore(clockStore, (s) => s.offset);
  const [, tick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => tick((n) => n + 1), everyMs);
    return () => clearInterval(id);
  }, [active, everyMs]);
  return serverNow();
}
