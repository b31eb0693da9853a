import type * as Y from 'yjs';

/**
 * Drops what a doc keeps waiting for missing dependencies (`store.pendingStructs`, `store.pendingDs`);
 * true if there was anything.
 *
 * Why: Yjs keeps the parts of an update whose causal predecessors it has not seen in memory, outside
 * the document: never stored, never relayed, not counted against MAX_DOC_BYTES, and merged again with
 * every later update. A hand-made client sending updates with clock gaps could grow the server's memory
 * without limit. A stock client never needs them kept: the server relays only what it has, a client's
 * own updates arrive in order on one socket, and after a reconnect the client's sync step 2 carries
 * everything the server's state vector lacks, the parts dropped here included.
 */
export function dropPending(doc: Y.Doc): boolean {
  const store = doc.store;
  if (!store.pendingStructs && !store.pendingDs) return false;
  store.pendingStructs = null;
  store.pendingDs = null;
  return true;
}
