import type { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';

/**
 * What the app does when the server says the board was compacted (close code 4205, docs/api.md):
 * the document was written again without its history, so this browser's copy is stale. Sent back,
 * it would add nothing (the server covers the old clocks) and it would keep showing old content here,
 * so the copy is dropped: no reconnect with it, the IndexedDB copy deleted, the page loaded again.
 */

/** Our own "Compact the board" request, while it runs: its answer is saved before the page reloads. */
let ownCompaction: Promise<unknown> | null = null;

/** Runs this tab's compaction request; a reload asked for meanwhile waits for it to end. */
export function holdReloadWhile<T>(request: Promise<T>): Promise<T> {
  ownCompaction = request;
  return request.finally(() => {
    if (ownCompaction === request) ownCompaction = null;
  });
}

let reloading = false;

export async function reloadAfterCompaction(provider: WebsocketProvider, idb: IndexeddbPersistence): Promise<void> {
  if (reloading) return;
  reloading = true;
  provider.disconnect();
  if (ownCompaction) await ownCompaction.catch(() => undefined);
  // Deletes the database (y-indexeddb destroys the persistence first, so nothing writes it again).
  await idb.clearData().catch(() => undefined);
  location.reload();
}
