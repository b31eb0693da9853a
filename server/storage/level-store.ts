import { ClassicLevel } from 'classic-level';
import type { VersionEntry } from '../../shared/history/version-types';
import { VersionDamagedError, type BoardRecord, type BoardStore, type StoredDoc } from './board-store';
import { checkDataDir, DataDirDamagedError, type DataDirState } from './data-dir-check';
import { BOARD_KEY_PREFIXES, boardKey, clientOwnerKey, clientOwnerRange, decodeSeq, encodeSeq, firstSeqKey, newBoardOps, nextSeqKey, seqKey, seqOfKey, snapshotKey, updateRange, versionEntryKey, versionEntryRange, versionStateKey } from './level-keys';
import { LogFlusher } from './log-flusher';
import { openRecord, sealRecord } from './record-envelope';
import { storedDocFrom } from './stored-doc';

/**
 * LevelDB through classic-level: embedded, crash-safe (its write-ahead log drops a torn last record on
 * recovery), prebuilt binaries inside the npm package, and a LOCK file that stops a second process from
 * opening the same directory. Key layout and counters: level-keys.ts.
 *
 * Before LevelDB opens the directory, checkDataDir() makes sure opening cannot silently lose data.
 *
 * Writes arriving in the same tick are grouped into one batch. How they reach the disk (FsyncMode):
 * - `after-write` (the default, FSYNC=true): a batch is written to LevelDB's log without waiting for the
 *   disk, and resolves once the operating system has it; a flush to disk follows at once, one for every
 *   batch written meanwhile (group commit), outside LevelDB's writer queue (log-flusher.ts). What a
 *   write resolved for survives a crash of the process (kill -9): the operating system writes it out
 *   anyway. A crash of the machine in the millisecond or two before the flush can lose it
 *   (docs/architecture.md, "Durable before relayed").
 * - `before-relay` (FSYNC=strict): each batch resolves only once it is on disk.
 * - `none` (FSYNC=false): the operating system writes when it likes.
 */
export type FsyncMode = 'after-write' | 'before-relay' | 'none';

type Op = { type: 'put'; key: string; value: Uint8Array } | { type: 'del'; key: string };

export class DataDirLockedError extends Error {}


/** LevelDB found a damaged block (a table file, usually) while reading. */
const isCorruption = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string }; message?: string };
  return e?.code === 'LEVEL_CORRUPTION' || e?.cause?.code === 'LEVEL_CORRUPTION' || /^Corruption: /.test(e?.message ?? '');
};
export { DataDirDamagedError };
/** A board record that cannot be read: the board cannot be served (its tokens are in it). */
export class BoardRecordDamagedError extends Error {}

export class LevelBoardStore implements BoardStore {
  private pending: Array<{ ops: Op[]; resolve: () => void; reject: (e: unknown) => void }> = [];
  private flushScheduled = false;
  /** The batch loop while it runs: one batch at a time, so batches commit in the order issued. */
  private flushing: Promise<void> | null = null;
  /** Batches were written since the flush to disk running (or the last one) started (mode `after-write`). */
  private unsynced = false;
  /** The flush to disk running, if any. */
  private syncing: Promise<void> | null = null;
  private syncFailed = false;
  private fsync: FsyncMode;
  private logs: LogFlusher;

  private constructor(
    private db: ClassicLevel<string, Uint8Array>,
    fsync: boolean | FsyncMode,
    /** What the check before opening found (torn last writes LevelDB dropped on this open). */
    readonly startup: DataDirState,
    dir: string,
  ) {
    this.fsync = fsync === true ? 'after-write' : fsync === false ? 'none' : fsync;
    this.logs = new LogFlusher(dir);
  }

  static async open(dir: string, opts: { fsync: boolean | FsyncMode }): Promise<LevelBoardStore> {
    const startup = await checkDataDir(dir);
    // Only a directory without data may become a new database: LevelDB must never create one over files.
    const db = new ClassicLevel<string, Uint8Array>(dir, { keyEncoding: 'utf8', valueEncoding: 'view', createIfMissing: startup.fresh });
    try {
      await db.open();
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      if (cause?.code === 'LEVEL_LOCKED') {
        throw new DataDirLockedError(`The data directory ${dir} is in use by another Journey Studio process.`);
      }
      if (!startup.fresh) throw new DataDirDamagedError(dir, `LevelDB could not open it (${cause?.message ?? String(err)}).`);
      throw err;
    }
    return new LevelBoardStore(db, opts.fsync, startup, dir);
  }

  private write(ops: Op[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ ops, resolve, reject });
      if (!this.flushScheduled && !this.flushing) {
        this.flushScheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  /**
   * Writes everything pending, one batch at a time; resolves when nothing is left. LevelDB runs each
   * batch on a thread of its own, so two batches in flight may commit in either order: an older
   * compaction could land after a newer one. Writes issued during a batch go together in the next one
   * (with FSYNC=strict, one fsync for all of them; by default the flush to disk runs beside: syncLogs).
   */
  private flush(): Promise<void> {
    this.flushScheduled = false;
    if (!this.flushing && this.pending.length > 0) this.flushing = this.drain();
    return this.flushing ?? Promise.resolve();
  }

  /**
   * Mode `after-write`: flushes the logs to disk, again as long as batches were written while a flush
   * ran. Resolves when everything written so far is on disk.
   */
  private syncLogs(): Promise<void> {
    this.syncing ??= (async () => {
      while (this.unsynced) {
        this.unsynced = false;
        await this.logs.flush().catch(() => (this.syncFailed = true));
      }
      this.syncing = null;
    })();
    return this.syncing;
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const group = this.pending;
      this.pending = [];
      // After a failed flush, the next batch is written and flushed before it resolves, so that the
      // error (a full or failing disk) reaches the writers instead of being lost here.
      const sync = this.fsync === 'before-relay' || this.syncFailed;
      try {
        await this.db.batch(group.flatMap((g) => g.ops), { sync });
        this.syncFailed = false;
        if (this.fsync === 'after-write' && !sync) {
          this.unsynced = true;
          void this.syncLogs();
        }
        for (const g of group) g.resolve();
      } catch (err) {
        for (const g of group) g.reject(err);
      }
    }
    // Reached only after an await above, so after flush() stored this promise.
    this.flushing = null;
  }

  async createBoard(record: BoardRecord, initialState: Uint8Array): Promise<void> {
    await this.write(newBoardOps(record, initialState));
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    const raw = await this.db.get(boardKey(id));
    if (raw === undefined) return null;
    const opened = openRecord(raw);
    try {
      if (opened.ok) return JSON.parse(new TextDecoder().decode(opened.payload)) as BoardRecord;
    } catch {
      /* reported below */
    }
    throw new BoardRecordDamagedError(`the stored record of board ${id} is damaged (${opened.ok ? 'not JSON' : opened.reason})`);
  }

  async loadDoc(id: string): Promise<StoredDoc> {
    // Both reads from one LevelDB snapshot: a compaction landing between them would otherwise give the
    // old snapshot without the updates it replaced.
    const view = this.db.snapshot();
    try {
      let rawSnapshot: Uint8Array | undefined;
      let snapshotUnreadable = false;
      try {
        rawSnapshot = await this.db.get(snapshotKey(id), { snapshot: view });
      } catch (err) {
        if (!isCorruption(err)) throw err;
        snapshotUnreadable = true;
      }
      const rawUpdates: Array<[number, Uint8Array]> = [];
      let tableDamaged = false;
      try {
        for await (const [key, value] of this.db.iterator({ ...updateRange(id), snapshot: view })) rawUpdates.push([seqOfKey(key), value]);
      } catch (err) {
        // LevelDB skips a damaged table block and says so at the end of the iteration (or stops there):
        // keep what was read, read what may follow from the other end, and call the gaps unreadable.
        if (!isCorruption(err)) throw err;
        tableDamaged = true;
        const last = rawUpdates.length > 0 ? rawUpdates[rawUpdates.length - 1][0] : -1;
        const tail: Array<[number, Uint8Array]> = [];
        try {
          const rest = { gt: seqKey(id, last), lte: updateRange(id).lte, reverse: true, snapshot: view };
          for await (const [key, value] of this.db.iterator(rest)) tail.push([seqOfKey(key), value]);
        } catch (again) {
          if (!isCorruption(again)) throw again;
        }
        rawUpdates.push(...tail.reverse());
      }
      const counter = async (key: string) => decodeSeq(await this.db.get(key, { snapshot: view }).catch((err: unknown) => (isCorruption(err) ? undefined : Promise.reject(err))));
      const bounds = { first: await counter(firstSeqKey(id)), next: await counter(nextSeqKey(id)) };
      const stored = storedDocFrom(rawSnapshot, rawUpdates, bounds);
      for (const d of stored.dropped ?? []) {
        if (d.reason === 'missing' && (d.seq === null ? snapshotUnreadable : tableDamaged)) d.reason = 'unreadable';
      }
      return stored;
    } finally {
      await view.close();
    }
  }

  appendUpdate(id: string, seq: number, update: Uint8Array): Promise<void> {
    return this.write([
      { type: 'put', key: seqKey(id, seq), value: sealRecord(update) },
      { type: 'put', key: nextSeqKey(id), value: encodeSeq(seq + 1) },
    ]);
  }

  compact(id: string, snapshot: Uint8Array, firstSeq: number, uptoSeq: number): Promise<void> {
    const ops: Op[] = [
      { type: 'put', key: snapshotKey(id), value: sealRecord(snapshot) },
      { type: 'put', key: firstSeqKey(id), value: encodeSeq(uptoSeq) },
    ];
    for (let s = firstSeq; s < uptoSeq; s++) ops.push({ type: 'del', key: seqKey(id, s) });
    return this.write(ops);
  }

  /** Every board id, in id order, `limit` at a time after `after` (copy-boards). */
  async listBoardIds(after = '', limit = 500): Promise<string[]> {
    const ids: string[] = [];
    // Board ids never contain ':' or ';': this range holds exactly the board records.
    for await (const key of this.db.keys({ gt: boardKey(after), lt: 'b;', limit })) ids.push(key.slice(2));
    return ids;
  }

  /**
   * For salvage: the ids of every board with any key in the store, and every entry of other kinds
   * (records other parts of the server keep). A damaged block ends the listing; `complete` says so.
   */
  async inventory(): Promise<{ boardIds: string[]; others: Array<[string, Uint8Array]>; complete: boolean }> {
    const boardIds = new Set<string>();
    const others: Array<[string, Uint8Array]> = [];
    try {
      for await (const [key, value] of this.db.iterator()) {
        const prefix = BOARD_KEY_PREFIXES.find((p) => key.startsWith(p));
        if (!prefix) others.push([key, value]);
        else boardIds.add(prefix === 'u:' ? key.slice(2, key.lastIndexOf(':')) : key.slice(2));
      }
    } catch (err) {
      if (!isCorruption(err)) throw err;
      return { boardIds: [...boardIds], others, complete: false };
    }
    return { boardIds: [...boardIds], others, complete: true };
  }

  async loadClientOwners(id: string): Promise<Map<number, string>> {
    const owners = new Map<number, string>();
    for await (const [key, value] of this.db.iterator(clientOwnerRange(id))) {
      const client = Number(key.slice(key.lastIndexOf(':') + 1));
      const record = openRecord(value);
      // A damaged binding is left out: that client id then belongs to nobody (writable by no one),
      // which loses no content; the other way round would let anyone claim it.
      if (Number.isSafeInteger(client) && record.ok) owners.set(client, new TextDecoder().decode(record.payload));
    }
    return owners;
  }

  bindClientOwners(id: string, bindings: ReadonlyArray<readonly [client: number, owner: string]>): Promise<void> {
    // Queued like every write: it joins the same batch as an update appended in the same tick.
    return this.write(bindings.map(([client, owner]) => ({ type: 'put', key: clientOwnerKey(id, client), value: sealRecord(new TextEncoder().encode(owner)) })));
  }

  putVersion(id: string, entry: VersionEntry, state: Uint8Array): Promise<void> {
    // One batch: a listed checkpoint always has its state.
    return this.write([
      { type: 'put', key: versionStateKey(id, entry.id), value: sealRecord(state) },
      { type: 'put', key: versionEntryKey(id, entry.id), value: sealRecord(new TextEncoder().encode(JSON.stringify(entry))) },
    ]);
  }

  async listVersions(id: string): Promise<VersionEntry[]> {
    const out: VersionEntry[] = [];
    for await (const value of this.db.values(versionEntryRange(id))) {
      const opened = openRecord(value);
      if (!opened.ok) continue;
      try {
        out.push(JSON.parse(new TextDecoder().decode(opened.payload)) as VersionEntry);
      } catch {
        // A damaged entry is left out of the list; the board itself is unaffected.
      }
    }
    return out;
  }

  async getVersion(id: string, versionId: string): Promise<Uint8Array | null> {
    const raw = await this.db.get(versionStateKey(id, versionId));
    if (raw === undefined) return null;
    const opened = openRecord(raw);
    if (!opened.ok) throw new VersionDamagedError(`checkpoint ${versionId} of board ${id} is damaged (${opened.reason})`);
    return opened.payload;
  }

  deleteVersions(id: string, versionIds: readonly string[]): Promise<void> {
    if (versionIds.length === 0) return Promise.resolve();
    return this.write(versionIds.flatMap((v): Op[] => [
      { type: 'del', key: versionEntryKey(id, v) },
      { type: 'del', key: versionStateKey(id, v) },
    ]));
  }

  async close(): Promise<void> {
    await this.flush();
    await this.syncLogs();
    await this.db.close();
    await this.logs.close();
  }
}
