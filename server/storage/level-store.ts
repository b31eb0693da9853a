import { ClassicLevel } from 'classic-level';
import type { BoardRecord, BoardStore, StoredDoc } from './board-store';

/**
 * LevelDB through classic-level: embedded, crash-safe (its write-ahead log drops a torn last record on
 * recovery), prebuilt binaries inside the npm package, and a LOCK file that stops a second process from
 * opening the same directory.
 *
 * Keys: `b:<id>` board record (JSON) · `s:<id>` snapshot · `u:<id>:<seq>` updates after the snapshot,
 * seq zero-padded so keys sort in write order.
 *
 * Writes arriving in the same tick are grouped into one batch, so fsync is paid once per batch.
 */
const SEQ_DIGITS = 12;
const seqKey = (id: string, seq: number) => `u:${id}:${String(seq).padStart(SEQ_DIGITS, '0')}`;

type Op = { type: 'put'; key: string; value: Uint8Array } | { type: 'del'; key: string };

export class DataDirLockedError extends Error {}

export class LevelBoardStore implements BoardStore {
  private pending: Array<{ ops: Op[]; resolve: () => void; reject: (e: unknown) => void }> = [];
  private flushScheduled = false;
  /** The batch loop while it runs: one batch at a time, so batches commit in the order issued. */
  private flushing: Promise<void> | null = null;

  private constructor(
    private db: ClassicLevel<string, Uint8Array>,
    private fsync: boolean,
  ) {}

  static async open(dir: string, opts: { fsync: boolean }): Promise<LevelBoardStore> {
    const db = new ClassicLevel<string, Uint8Array>(dir, { keyEncoding: 'utf8', valueEncoding: 'view' });
    try {
      await db.open();
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause;
      if (cause?.code === 'LEVEL_LOCKED') {
        throw new DataDirLockedError(`The data directory ${dir} is in use by another Journey Studio process.`);
      }
      throw err;
    }
    return new LevelBoardStore(db, opts.fsync);
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
   * (group commit: one fsync for all of them).
   */
  private flush(): Promise<void> {
    this.flushScheduled = false;
    if (!this.flushing && this.pending.length > 0) this.flushing = this.drain();
    return this.flushing ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const group = this.pending;
      this.pending = [];
      try {
        await this.db.batch(group.flatMap((g) => g.ops), { sync: this.fsync });
        for (const g of group) g.resolve();
      } catch (err) {
        for (const g of group) g.reject(err);
      }
    }
    // Reached only after an await above, so after flush() stored this promise.
    this.flushing = null;
  }

  async createBoard(record: BoardRecord, initialState: Uint8Array): Promise<void> {
    await this.write([
      { type: 'put', key: `b:${record.id}`, value: new TextEncoder().encode(JSON.stringify(record)) },
      { type: 'put', key: `s:${record.id}`, value: initialState },
    ]);
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    const raw = await this.db.get(`b:${id}`);
    if (raw === undefined) return null;
    return JSON.parse(new TextDecoder().decode(raw)) as BoardRecord;
  }

  async loadDoc(id: string): Promise<StoredDoc> {
    // Both reads from one LevelDB snapshot: a compaction landing between them would otherwise give the
    // old snapshot without the updates it replaced.
    const view = this.db.snapshot();
    try {
      const snapshot = (await this.db.get(`s:${id}`, { snapshot: view })) ?? null;
      const updates: Uint8Array[] = [];
      let firstSeq = -1;
      let lastSeq = -1;
      const range = { gte: seqKey(id, 0), lte: seqKey(id, 10 ** SEQ_DIGITS - 1), snapshot: view };
      for await (const [key, value] of this.db.iterator(range)) {
        const seq = Number(key.slice(key.lastIndexOf(':') + 1));
        if (firstSeq === -1) firstSeq = seq;
        lastSeq = seq;
        updates.push(value);
      }
      return { snapshot, updates, firstSeq: firstSeq === -1 ? 0 : firstSeq, nextSeq: lastSeq + 1 };
    } finally {
      await view.close();
    }
  }

  appendUpdate(id: string, seq: number, update: Uint8Array): Promise<void> {
    return this.write([{ type: 'put', key: seqKey(id, seq), value: update }]);
  }

  compact(id: string, snapshot: Uint8Array, firstSeq: number, uptoSeq: number): Promise<void> {
    const ops: Op[] = [{ type: 'put', key: `s:${id}`, value: snapshot }];
    for (let s = firstSeq; s < uptoSeq; s++) ops.push({ type: 'del', key: seqKey(id, s) });
    return this.write(ops);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.db.close();
  }
}
