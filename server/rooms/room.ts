import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { applyStoredDoc } from '../storage/apply-stored';
import { FencedError, type BoardStore } from '../storage/board-store';
import type { Logger } from '../log';
import type { Metrics } from '../metrics';
import { awarenessEntriesMessage, awarenessMessage, syncStep1, syncStep2, updateMessage } from './messages';
import type { Connection } from './connection';
import { PresenceRegistry, type PresenceLimits } from './presence-limits';
import { PersonQuota } from './person-quota';
import { ClientIdOwners } from './client-ids';

/** The least time between two compactions caused by writes refused for size (Room.compactToFreeSpace). */
export const FREE_SPACE_COMPACT_INTERVAL_MS = 10_000;

/**
 * One open board: the authoritative Y.Doc, its awareness, and who is connected.
 *
 * Write pipeline: an update accepted from a client is applied to the doc, appended to the store, and
 * only once the store has it relayed to everyone else. So nothing any client has received can be lost
 * by a crash of the process, and relays keep the order in which updates were accepted (what "the store
 * has it" means for the disk: docs/architecture.md, "Durable before relayed").
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly conns = new Set<Connection>();
  private nextSeq = 0;
  private firstSeq = 0;
  private sinceCompact = 0;
  /** Resolves when everything accepted so far is durable; step-2 replies wait for it. */
  private durable: Promise<void> = Promise.resolve();
  private closed = false;
  /** The compaction running, if any (see compact()). */
  private compacting: Promise<void> = Promise.resolve();
  /** Bytes of the stored snapshot, and of the updates stored after it. */
  private snapshotBytes = 0;
  private logBytes = 0;
  /** Something was deleted since the snapshot being stored was taken: only then can a compaction give space back. */
  private deletedSinceSnapshot = false;
  /** When compactToFreeSpace last compacted (performance.now()). */
  private lastFreeSpaceCompaction = -Infinity;
  /** What each person has added (person-quota.ts). */
  readonly quota = new PersonQuota();
  /**
   * The answer to a step 1 with an empty state vector (the whole board), kept until the next update:
   * however many ask for it, the board is encoded once per change.
   */
  private wholeBoard: Uint8Array | null = null;
  /** Presence changes waiting for the next batched relay. */
  private presenceChanged = new Set<number>();
  private presenceTimer: NodeJS.Timeout | null = null;
  /**
   * Who holds each presence id, and the board's presence limits (presence-limits.ts). A map, not a scan
   * of the connections: stock clients echo every presence batch they receive, so each batch is checked
   * entry by entry by everyone, and a scan would make that cost grow with the square of the people.
   */
  readonly presence: PresenceRegistry<Connection>;
  /** Who may write under each Yjs client id (client-ids.ts); loaded with the board. */
  clientIds = new ClientIdOwners();
  /** Called after each accepted update is stored and relayed (board history: server/history/). */
  onStored: (() => void) | null = null;
  /** Called once when the room is freed. */
  onFreed: (() => void) | null = null;
  /**
   * With several instances (server/cluster/): the epoch this instance owns the board under, sent with
   * every write so the store refuses them once another instance took the board over.
   */
  epoch: number | undefined = undefined;
  /** Called once when the store refused a write because the board was taken over. */
  onFenced: (() => void) | null = null;

  constructor(
    readonly id: string,
    private store: BoardStore,
    private log: Logger,
    private metrics: Metrics,
    private compactEvery: number,
    private awarenessFlushMs = 50,
    presenceLimits: PresenceLimits = { maxAwarenessBytes: 16 * 1024, maxPresenceBytesPerBoard: 1024 * 1024 },
  ) {
    this.presence = new PresenceRegistry<Connection>(this.awareness, presenceLimits);
    // The server's own awareness state stays empty: it is not a participant.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.persistAndRelay(update, origin));
    this.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.deleteSet.clients.size > 0 && tr.origin !== 'load') this.deletedSinceSnapshot = true;
    });
    this.awareness.on('update', this.onAwareness);
  }

  /** False once the room is being replaced or freed: a write to its doc would no longer be stored. */
  get isOpen(): boolean {
    return !this.closed;
  }

  /** Bytes the board takes in the store (snapshot plus updates since): the document size limit. */
  get storedBytes(): number {
    return this.snapshotBytes + this.logBytes;
  }

  /** Reads the stored state; called once before the room answers anyone. */
  async load(): Promise<void> {
    const stored = await this.store.loadDoc(this.id);
    this.clientIds = new ClientIdOwners(await this.store.loadClientOwners(this.id));
    // A damaged record costs that record only; the rest of the board still loads, and the loss is told.
    for (const d of applyStoredDoc(this.doc, stored, 'load')) {
      this.metrics.storedRecordsDropped(d.reason, d.count);
      this.log.error('stored record dropped on load', { board: this.id, seq: d.seq ?? 'snapshot', reason: d.reason, count: d.count });
    }
    // A snapshot lists what was deleted before it, which compacting again cannot give back; the updates
    // stored after it may delete what it holds (one transaction for both: counted as if they did).
    this.deletedSinceSnapshot = stored.updates.length > 0;
    this.snapshotBytes = stored.snapshot?.byteLength ?? 0;
    this.logBytes = stored.updates.reduce((n, u) => n + u.byteLength, 0);
    this.quota.seed(this.doc);
    this.firstSeq = stored.firstSeq;
    this.nextSeq = stored.nextSeq;
    this.sinceCompact = stored.updates.length;
  }

  private persistAndRelay(update: Uint8Array, origin: unknown): void {
    this.wholeBoard = null;
    if (origin === 'load' || this.closed) return;
    const seq = this.nextSeq++;
    this.logBytes += update.byteLength;
    const started = performance.now();
    const written = this.store.appendUpdate(this.id, seq, update, this.epoch);
    const previous = this.durable;
    this.durable = Promise.all([previous, written]).then(
      () => {
        this.metrics.observeStoreWrite(performance.now() - started);
        const msg = updateMessage(update);
        for (const c of this.conns) if (c !== origin) c.send(msg);
        if (++this.sinceCompact >= this.compactEvery) void this.compact();
        this.onStored?.();
      },
      (err) => {
        // Another instance owns the board now: nothing more is relayed or written from this copy.
        if (err instanceof FencedError) return this.fenced();
        // The update is in memory but not on disk: never relay it; drop the sender so it resyncs later.
        this.metrics.errors++;
        this.log.error('store write failed', { board: this.id, err: String(err) });
        if (origin && typeof (origin as Connection).close === 'function') (origin as Connection).close(1011, 'store');
      },
    );
  }

  /**
   * Binds fresh client ids to `writer`. Call right before applying the update that uses them: the
   * store writes the bindings in the same batch as that update, never after it.
   */
  claimClientIds(clients: readonly number[], writer: string): void {
    const stored = this.clientIds.claim(clients, writer);
    if (stored.length === 0) return;
    // A failure here fails the update's own write in the same batch, which is handled there.
    this.store.bindClientOwners(this.id, stored, this.epoch).catch(() => undefined);
  }

  /** Waits until every accepted update is durable. */
  flushed(): Promise<void> {
    return this.durable.catch(() => undefined);
  }

  private onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const changed = added.concat(updated, removed);
    // Who holds what is recorded by the connection after it applied (presence-limits.ts); removals from
    // anywhere (a leave, the Awareness's own 30 s timeout) stop counting here.
    if (removed.length > 0) this.presence.removed(removed);
    if (changed.length === 0) return;
    // Presence is relayed in batches, at most once per flush interval, so a client sending cursor
    // moves at a high rate costs the others one message per interval, not one per move.
    for (const id of changed) this.presenceChanged.add(id);
    if (!this.presenceTimer) this.presenceTimer = setTimeout(this.flushPresence, this.awarenessFlushMs);
  };

  private flushPresence = () => {
    this.presenceTimer = null;
    if (this.closed || this.presenceChanged.size === 0) return;
    const ids = [...this.presenceChanged];
    this.presenceChanged.clear();
    // Encoded here, not by y-protocols: removed ids may already be pruned from the Awareness's records.
    const entries = ids.map((clientId) => ({ clientId, clock: this.presence.clockOf(clientId), state: this.awareness.getStates().get(clientId) ?? null }));
    const msg = awarenessEntriesMessage(entries);
    for (const c of this.conns) c.send(msg);
    // Everyone has been told about the removals: nothing of those ids needs to stay in memory.
    this.presence.prune(ids);
  };

  /** The sync step 2 answering `stateVector`. */
  answerFor(stateVector: Uint8Array): Uint8Array {
    if (Y.decodeStateVector(stateVector).size > 0) return syncStep2(this.doc, stateVector);
    return (this.wholeBoard ??= syncStep2(this.doc, stateVector));
  }

  /** Sends a newly joined client the server's state vector and everyone's presence. */
  greet(conn: Connection): void {
    conn.send(syncStep1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) conn.send(awarenessMessage(this.awareness, states));
  }

  leave(conn: Connection): void {
    this.conns.delete(conn);
    const ids = this.presence.release(conn);
    const live = ids.filter((id) => this.awareness.getStates().has(id));
    if (live.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, live, null);
    // Ids with nothing left to relay are forgotten now; the others once their removal is relayed.
    this.presence.prune(ids.filter((id) => !this.presenceChanged.has(id)));
  }

  /** Replaces the update log with one snapshot, so loading stays fast and the store small. */
  compact(): Promise<void> {
    // One at a time: two overlapping runs would both count the same replaced updates as gone.
    const run = this.compacting.then(() => this.compactOnce());
    this.compacting = run.catch(() => undefined);
    return run;
  }

  private async compactOnce(): Promise<void> {
    this.sinceCompact = 0;
    if (this.closed) return;
    await this.flushed();
    const upto = this.nextSeq;
    const from = this.firstSeq;
    if (upto === from) return;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    const deleted = this.deletedSinceSnapshot;
    this.deletedSinceSnapshot = false;
    // Updates appended while the store writes the snapshot stay in the log and in the count.
    const replacedBytes = this.logBytes;
    try {
      await this.store.compact(this.id, snapshot, from, upto, this.epoch);
      this.firstSeq = upto;
      this.snapshotBytes = snapshot.byteLength;
      this.logBytes -= replacedBytes;
    } catch (err) {
      this.deletedSinceSnapshot ||= deleted;
      if (err instanceof FencedError) return this.fenced();
      this.log.error('compaction failed', { board: this.id, err: String(err) });
    }
  }

  /**
   * Called when a write is refused for size: compacts now if something was deleted since the last
   * snapshot, so what people deleted is given back without waiting for the regular compaction. At
   * most once every FREE_SPACE_COMPACT_INTERVAL_MS: a compaction re-encodes and rewrites the whole
   * board (a 16 MiB board held the event loop for a few hundred milliseconds, every board's), and a
   * stream of big writes refused on a full board made the server do it about once a second for nothing
   * (nothing deleted, nothing given back). Returns whether it compacts.
   */
  compactToFreeSpace(now = performance.now()): boolean {
    if (!this.deletedSinceSnapshot || now - this.lastFreeSpaceCompaction < FREE_SPACE_COMPACT_INTERVAL_MS) return false;
    this.lastFreeSpaceCompaction = now;
    void this.compact();
    return true;
  }

  /**
   * Replaces the stored board with `rewrite(doc)` (compact-board.ts) and frees the room: every socket
   * is closed with `close` first, so nothing is written meanwhile and everyone loads the new document.
   * Resolves with the stored size before and after.
   */
  async replaceAndFree(rewrite: (doc: Y.Doc) => Uint8Array, close: { code: number; reason: string }): Promise<{ before: number; after: number }> {
    for (const c of this.conns) c.close(close.code, close.reason);
    await this.flushed();
    await this.compacting;
    const before = this.storedBytes;
    const snapshot = rewrite(this.doc);
    // Past this point the old document writes nothing more, whatever still arrives.
    this.closed = true;
    try {
      await this.store.compact(this.id, snapshot, this.firstSeq, this.nextSeq, this.epoch);
    } finally {
      // A socket admitted while this ran joined a room that is going away: send it to the new one.
      for (const c of this.conns) c.close(close.code, close.reason);
      this.free();
    }
    return { before, after: snapshot.byteLength };
  }

  /** The store refused a write: this copy is stale. Its clients reconnect and reach the new owner. */
  private fenced(): void {
    if (this.closed) return;
    this.metrics.fenceRefusals++;
    this.log.warn('write refused by the fence: the board was taken over; dropping this copy', { board: this.id, epoch: this.epoch });
    this.abandon();
    this.onFenced?.();
  }

  /**
   * Drops this copy without writing anything more (the board belongs to another instance now): every
   * socket is closed with 1012 so its client reconnects and resends what was never confirmed.
   */
  abandon(): void {
    if (this.closed) return;
    for (const c of this.conns) c.close(1012, 'board moved');
    this.free();
  }

  /** Whether this copy was freed (unloaded, rewritten or abandoned). */
  get isClosed(): boolean {
    return this.closed;
  }

  private free(): void {
    this.closed = true;
    this.onFreed?.();
    this.onFreed = null;
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** Flushes, compacts and frees the room. */
  async unload(): Promise<void> {
    await this.compact();
    this.free();
  }
}
