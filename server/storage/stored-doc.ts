import type { DroppedRecord, StoredDoc } from './board-store';
import { openRecord } from './record-envelope';

/**
 * A board's stored document from its raw values (the snapshot and the updates with their sequence
 * numbers, in order), with every record that fails its checksum or is missing listed in `dropped`.
 */
export function storedDocFrom(
  rawSnapshot: Uint8Array | undefined,
  rawUpdates: Iterable<[number, Uint8Array]>,
  /** The stored counters (level-keys.ts), when the board has them: updates expected in [first, next). */
  expected: { first?: number; next?: number } = {},
): StoredDoc {
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
    // A key damaged on disk (not a number, out of order or outside the counters): whatever it was,
    // its real sequence number shows up as a gap.
    if (!Number.isSafeInteger(seq) || seq <= lastSeq) continue;
    if ((expected.first !== undefined && seq < expected.first) || (expected.next !== undefined && seq >= expected.next)) continue;
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
  // Missing at either end of the range, which no gap inside it shows.
  const { first, next } = expected;
  if (first !== undefined && firstSeq !== -1 && firstSeq > first) {
    dropped.unshift({ seq: first, reason: 'missing', count: firstSeq - first });
  } else if (first !== undefined && firstSeq === -1 && next !== undefined && next > first) {
    dropped.push({ seq: first, reason: 'missing', count: next - first });
  }
  if (next !== undefined && firstSeq !== -1 && next > lastSeq + 1) {
    dropped.push({ seq: lastSeq + 1, reason: 'missing', count: next - lastSeq - 1 });
  }
  return {
    snapshot,
    updates,
    seqs,
    dropped,
    firstSeq: firstSeq === -1 ? (first ?? 0) : Math.min(firstSeq, first ?? firstSeq),
    nextSeq: Math.max(lastSeq + 1, next ?? 0),
  };
}
