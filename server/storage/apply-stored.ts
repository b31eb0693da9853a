import * as Y from 'yjs';
import type { DroppedRecord, StoredDoc } from './board-store';

/**
 * Applies a stored document to `doc` record by record and returns every record left out: those the
 * store already dropped (bad checksum, missing), updates Yjs refused, and updates that still wait for
 * something missing at the end (Yjs keeps them aside, invisible). One damaged record costs that record,
 * never the board; and nothing is left out without being returned, so the caller can log and count it.
 */
export function applyStoredDoc(doc: Y.Doc, stored: StoredDoc, origin: unknown): DroppedRecord[] {
  const dropped = [...(stored.dropped ?? [])];
  const records: Array<{ seq: number | null; update: Uint8Array }> = stored.updates.map((update, i) => ({
    seq: stored.seqs?.[i] ?? stored.firstSeq + i,
    update,
  }));
  if (stored.snapshot) records.unshift({ seq: null, update: stored.snapshot });
  /** The record after which Yjs started holding structs back, if it still does. */
  let waitingSince: number | null | undefined;
  doc.transact(() => {
    for (const { seq, update } of records) {
      try {
        Y.applyUpdate(doc, update, origin);
      } catch {
        dropped.push({ seq, reason: 'unreadable', count: 1 });
      }
      if (!doc.store.pendingStructs) waitingSince = undefined;
      else if (waitingSince === undefined) waitingSince = seq;
    }
  }, origin);
  if (waitingSince !== undefined) dropped.push({ seq: waitingSince, reason: 'incomplete', count: 1 });
  return dropped;
}
