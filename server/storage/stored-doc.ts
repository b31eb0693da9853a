import type { DroppedRecord, StoredDoc } from './board-store';
import { openRecord } from './record-envelope';

/**
 * A board's stored document from its raw values (the snapshot and the updates with their sequence
 * numbers, in order), with every record that fails its checksum or is missing listed in `dropped`.
 */
export function storedDocFrom(rawSnapshot: Uint8Array | undefined, rawUpdates: Iterable<[number, Uint8Array]>): StoredDoc {
  const dropped: DroppedRecord[] = [];
  let snapshot: Uint8Array | null = null;
  if (rawSnapshot) {
    const opened = openRecord(rawSnapshot);
    if (opened.ok) snapshot = opened.payload;
    else dropped.push({ seq: null, reason: opened.reason, count: 1 });
  } else {
    // Every board is created with a snapshot, and compaction replaces it in the same batch.
    dropped.push({ seq: null, reason: 'missing', count: 1 });
  }
  const updates: Uint8Array[] = [];
  const seqs: number[] = [];
  let firstSeq = -1;
  let lastSeq = -1;
  for (const [seq, value] of rawUpdates) {
    if (firstSeq === -1) firstSeq = seq;
    // Updates are appended with consecutive numbers and compaction removes a prefix, so a gap means
    // records went missing (or a write failed at the time, which was logged then).
    else if (seq > lastSeq + 1) dropped.push({ seq: lastSeq + 1, reason: 'missing', count: seq - lastSeq - 1 });
    lastSeq = seq;
    const opened = openRecord(value);
    if (opened.ok) {
      updates.push(opened.payload);
      seqs.push(seq);
    } else dropped.push({ seq, reason: opened.reason, count: 1 });
  }
  return { snapshot, updates, seqs, dropped, firstSeq: firstSeq === -1 ? 0 : firstSeq, nextSeq: lastSeq + 1 };
}
