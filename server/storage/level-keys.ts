import type { BoardRecord } from './board-store';
import { openRecord, sealRecord } from './record-envelope';

/**
 * The LevelDB key layout, one board's keys under each prefix:
 *   `b:<id>` board record (JSON) · `s:<id>` snapshot · `u:<id>:<seq>` updates after the snapshot, seq
 *   zero-padded so keys sort in write order · `f:<id>` first update seq the snapshot does not cover
 *   (written with each snapshot) · `n:<id>` next update seq (written with each update) ·
 *   `c:<id>:<client id>` the person who owns that Yjs client id (server/rooms/client-ids.ts; salvage
 *   copies these as they are) · `vm:<id>:<version id>` a checkpoint's list entry (JSON) and
 *   `vs:<id>:<version id>` its state (server/history/; version ids sort by time, so these ranges list a
 *   board's checkpoints in order; salvage copies them as they are).
 * The two counters let a load tell that updates are missing at either end of the range, which a gap
 * inside it cannot show (LevelDB can end an iteration early on a damaged block, without an error).
 * Every value is sealed with a checksum (record-envelope.ts).
 */
const SEQ_DIGITS = 12;
export const boardKey = (id: string) => `b:${id}`;
export const snapshotKey = (id: string) => `s:${id}`;
export const firstSeqKey = (id: string) => `f:${id}`;
export const nextSeqKey = (id: string) => `n:${id}`;
export const seqKey = (id: string, seq: number) => `u:${id}:${String(seq).padStart(SEQ_DIGITS, '0')}`;
export const updateRange = (id: string) => ({ gte: seqKey(id, 0), lte: seqKey(id, 10 ** SEQ_DIGITS - 1) });
export const clientOwnerKey = (id: string, client: number) => `c:${id}:${client}`;
/** Board ids never contain ':' or ';', so this range holds exactly this board's client id owners. */
export const clientOwnerRange = (id: string) => ({ gt: `c:${id}:`, lt: `c:${id};` });
export const versionEntryKey = (id: string, version: string) => `vm:${id}:${version}`;
export const versionStateKey = (id: string, version: string) => `vs:${id}:${version}`;
/** Board ids never contain ':' or ';', so this range holds exactly this board's checkpoint entries. */
export const versionEntryRange = (id: string) => ({ gt: `vm:${id}:`, lt: `vm:${id};` });
/** Prefixes of the keys above: anything else in the store belongs to someone else. */
export const BOARD_KEY_PREFIXES = ['b:', 's:', 'u:', 'f:', 'n:'] as const;

/** The sequence number in an update key; NaN for a key that is not one (a damaged key, say). */
export const seqOfKey = (key: string) => {
  const digits = key.slice(key.lastIndexOf(':') + 1);
  return new RegExp(`^\\d{${SEQ_DIGITS}}$`).test(digits) ? Number(digits) : NaN;
};

export const encodeSeq = (seq: number) => sealRecord(new TextEncoder().encode(String(seq)));
/** A stored counter, or undefined when absent (boards from before the counters) or damaged. */
export function decodeSeq(value: Uint8Array | undefined): number | undefined {
  if (!value) return undefined;
  const opened = openRecord(value);
  const n = opened.ok ? Number(new TextDecoder().decode(opened.payload)) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

export type PutOp = { type: 'put'; key: string; value: Uint8Array };

/** A new board: its record, its first state, and both counters at 0. */
export function newBoardOps(record: BoardRecord, initialState: Uint8Array): PutOp[] {
  return [
    { type: 'put', key: boardKey(record.id), value: sealRecord(new TextEncoder().encode(JSON.stringify(record))) },
    { type: 'put', key: snapshotKey(record.id), value: sealRecord(initialState) },
    { type: 'put', key: firstSeqKey(record.id), value: encodeSeq(0) },
    { type: 'put', key: nextSeqKey(record.id), value: encodeSeq(0) },
  ];
}
