import type { Locale } from '../../shared/doc/schema';
import type { Role } from '../../shared/protocol';
import type { VersionEntry } from '../../shared/history/version-types';

/** What the server keeps about a board besides its document. */
export interface BoardRecord {
  id: string;
  title: string;
  locale: Locale;
  createdAt: number;
  tokens: Record<Role, string>;
}

/** A board's stored document: the last snapshot and the updates written after it, in order. */
export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number the next appended update will get. */
  nextSeq: number;
  /** Sequence numbers currently stored as separate updates: [firstSeq, nextSeq). */
  firstSeq: number;
  /** The sequence number of each entry of `updates` (they have gaps when records were lost). */
  seqs?: number[];
  /** Records the store found but could not use, or found missing; the rest is still returned. */
  dropped?: DroppedRecord[];
}

/** Why a stored record was not loaded: see docs/operations.md, journey_store_records_dropped_total. */
export const STORED_DROP_REASONS = ['checksum', 'format', 'missing', 'unreadable', 'incomplete'] as const;
export type StoredDropReason = (typeof STORED_DROP_REASONS)[number];

/** A stored record left out on load: `seq` null is the snapshot; `count` records from `seq` on. */
export interface DroppedRecord {
  seq: number | null;
  reason: StoredDropReason;
  count: number;
}

/**
 * A write made by a board's owner when several instances share the store (server/cluster/): the
 * owner's epoch. The store refuses the write (FencedError) unless it is still the board's current
 * epoch, checked in the same transaction as the write, so an owner that was taken over cannot write.
 * Without it (one instance, LevelDB) nothing is checked.
 */
export type Fence = number | undefined;

/** The board was taken over by another instance: this write was refused and nothing of it stored. */
export class FencedError extends Error {
  constructor(
    readonly board: string,
    readonly epoch: number,
  ) {
    super(`board ${board}: epoch ${epoch} is no longer the owner's (taken over)`);
  }
}

/**
 * The durable store, kept small so a server store (PostgreSQL, Redis) can replace the embedded one.
 * `appendUpdate` resolves only once the update is durable, at least against a crash of the server
 * process (LevelDB: in its log, flushed to disk right after unless FSYNC=strict; PostgreSQL: committed):
 * the room relays nothing before that.
 */
export interface BoardStore {
  createBoard(record: BoardRecord, initialState: Uint8Array): Promise<void>;
  getBoard(id: string): Promise<BoardRecord | null>;
  loadDoc(id: string): Promise<StoredDoc>;
  appendUpdate(id: string, seq: number, update: Uint8Array, fence?: Fence): Promise<void>;
  /** Atomically replaces updates [firstSeq, uptoSeq) with one snapshot of the whole document. */
  compact(id: string, snapshot: Uint8Array, firstSeq: number, uptoSeq: number, fence?: Fence): Promise<void>;
  /** Which person owns each Yjs client id of a board (server/rooms/client-ids.ts). */
  loadClientOwners(id: string): Promise<Map<number, string>>;
  /**
   * Stores new client id bindings. A binding is never changed once stored (a SQL store: insert, do
   * nothing on conflict). It must be durable no later than any update appended after this call, in
   * the same tick: the update's writes under that id are judged by it after a restart.
   */
  bindClientOwners(id: string, bindings: ReadonlyArray<readonly [client: number, owner: string]>, fence?: Fence): Promise<void>;
  /**
   * Board history (server/history/): a checkpoint is its list entry plus the board's full state at that
   * moment (Y.encodeStateAsUpdate), stored together and atomically. Limits and thinning are the
   * caller's; the store keeps what it is given. Contract: version-store.contract.ts. With several
   * instances the owner's `fence` is checked like an update's: a stale owner's checkpoint is refused.
   */
  putVersion(id: string, entry: VersionEntry, state: Uint8Array, fence?: Fence): Promise<void>;
  /** The board's checkpoints' entries, oldest first (by id, which sorts by time); damaged ones left out. */
  listVersions(id: string): Promise<VersionEntry[]>;
  /** One checkpoint's state; null when the board has no such checkpoint. Throws VersionDamagedError. */
  getVersion(id: string, versionId: string): Promise<Uint8Array | null>;
  /** Removes these checkpoints (entry and state); ids it does not have are ignored. Fenced like putVersion. */
  deleteVersions(id: string, versionIds: readonly string[], fence?: Fence): Promise<void>;
  /** For /healthz: null when the store can be used now, otherwise why not. Absent: always usable. */
  check?(): Promise<string | null>;
  close(): Promise<void>;
}

/** A stored checkpoint's state failed its checksum or cannot be read: it cannot be served. */
export class VersionDamagedError extends Error {}
