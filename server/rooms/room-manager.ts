import type * as Y from 'yjs';
import type { BoardStore } from '../storage/board-store';
import type { Logger } from '../log';
import type { Metrics } from '../metrics';
import { Room } from './room';
import type { PresenceLimits } from './presence-limits';
import type { BoardHistory } from '../history/board-history';
import { NotOwnerError, type Ownership } from '../cluster/ownership';

/**
 * Loads each board once, however many clients arrive at the same moment, and unloads it a while after
 * its last client leaves, so idle boards leave memory.
 */
export class RoomManager {
  private rooms = new Map<string, Promise<Room>>();
  private unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Unloads still writing their last snapshot: a board reopened meanwhile loads only after that. */
  private unloading = new Map<string, Promise<void>>();

  constructor(
    private store: BoardStore,
    private log: Logger,
    private metrics: Metrics,
    private opts: { unloadDelayMs: number; compactEvery: number; awarenessFlushMs: number } & Partial<PresenceLimits>,
    /** Takes the automatic checkpoints of loaded boards (server/history/); none without it. */
    private history: BoardHistory | null = null,
  ) {}

  /** Several instances (server/cluster/): each board is claimed before it loads, released after. */
  private ownership: Ownership | null = null;

  /** Turns leases on; called once, before any board is opened. */
  useOwnership(ownership: Ownership): void {
    this.ownership = ownership;
    ownership.onLost((id, epoch) => void this.lose(id, epoch));
  }

  get size(): number {
    return this.rooms.size;
  }

  /** Boards this instance holds the lease of; null without leases (one instance). */
  get owned(): number | null {
    return this.ownership ? this.claimed.size : null;
  }
  /** Boards claimed and not yet released, with the epoch they were claimed under. */
  private claimed = new Map<string, number>();

  /**
   * Claims the board for `room` (no-op without leases). Throws NotOwnerError when another live
   * instance owns it.
   */
  private async claim(room: Room): Promise<void> {
    if (!this.ownership) return;
    const claim = await this.ownership.claim(room.id);
    if (!claim.owner) throw new NotOwnerError(room.id, claim.instance, claim.url);
    room.epoch = claim.epoch;
    room.onFenced = () => void this.lose(room.id, room);
    this.claimed.set(room.id, claim.epoch);
    this.metrics.claims++;
    if (claim.takenOver) this.metrics.takeovers++;
    this.log.info(claim.takenOver ? 'board taken over' : 'board claimed', { board: room.id, epoch: claim.epoch });
  }

  /** Gives the lease of `room` up, once its last snapshot is written. */
  private async releaseLease(room: Room): Promise<void> {
    if (!this.ownership || room.epoch === undefined || this.claimed.get(room.id) !== room.epoch) return;
    this.claimed.delete(room.id);
    try {
      await this.ownership.release(room.id, room.epoch);
    } catch (err) {
      // The lease then expires on its own; the next claim waits for that.
      this.log.warn('could not release a board', { board: room.id, err: String(err) });
    }
  }

  /**
   * The board belongs to another instance now (taken over, or the lease could not be renewed): its
   * copy here is dropped without writing, and its clients reconnect (1012) to reach the new owner.
   */
  private async lose(id: string, which: Room | number): Promise<void> {
    const pending = this.rooms.get(id);
    const loaded = pending ? await pending.catch(() => null) : null;
    const room = typeof which === 'number' ? (loaded?.epoch === which ? loaded : null) : which;
    if (!room) return;
    if (loaded === room && this.rooms.get(id) === pending) {
      this.rooms.delete(id);
      this.cancelUnload(id);
    }
    if (this.claimed.get(id) === room.epoch) this.claimed.delete(id);
    if (room.isClosed) return;
    this.metrics.boardsLost++;
    this.log.warn('board lost to another instance; its clients reconnect', { board: id, epoch: room.epoch });
    room.abandon();
  }

  private newRoom(id: string): Room {
    const { maxAwarenessBytes = 16 * 1024, maxPresenceBytesPerBoard = 1024 * 1024 } = this.opts;
    return new Room(id, this.store, this.log, this.metrics, this.opts.compactEvery, this.opts.awarenessFlushMs, { maxAwarenessBytes, maxPresenceBytesPerBoard });
  }

  open(id: string): Promise<Room> {
    this.cancelUnload(id);
    let room = this.rooms.get(id);
    if (!room) {
      const r = this.newRoom(id);
      // Two copies of one board must never overlap in the store: the old copy's final snapshot would
      // overwrite whatever the new copy compacted meanwhile, and a load could read half a compaction.
      const previous = this.unloading.get(id) ?? Promise.resolve();
      room = previous
        .catch(() => undefined)
        .then(async () => {
          // Names the board if LevelDB aborts the process while reading it (docs/operations.md).
          this.log.debug('board loading', { board: id });
          await this.claim(r);
          try {
            await r.load();
          } catch (err) {
            await this.releaseLease(r);
            throw err;
          }
        })
        .then(() => {
          this.history?.watch(r);
          return r;
        });
      room.catch(() => this.rooms.delete(id));
      this.rooms.set(id, room);
      this.metrics.boardsLoaded++;
    }
    return room;
  }

  /** Called when a connection leaves; schedules the unload when the room is empty. */
  release(room: Room): void {
    if (room.conns.size > 0) return;
    this.cancelUnload(room.id);
    const timer = setTimeout(() => void this.unload(room.id), this.opts.unloadDelayMs);
    timer.unref();
    this.unloadTimers.set(room.id, timer);
  }

  private cancelUnload(id: string): void {
    const t = this.unloadTimers.get(id);
    if (t) clearTimeout(t);
    this.unloadTimers.delete(id);
  }

  private async unload(id: string): Promise<void> {
    this.unloadTimers.delete(id);
    const pending = this.rooms.get(id);
    if (!pending) return;
    const room = await pending;
    if (room.conns.size > 0) return;
    this.rooms.delete(id);
    const done = room.unload().then(() => this.releaseLease(room)).finally(() => {
      if (this.unloading.get(id) === done) this.unloading.delete(id);
    });
    this.unloading.set(id, done);
    await done;
    this.log.debug('board unloaded', { board: id });
  }

  /**
   * Rewrites a board's stored document with `rewrite` (compact-board.ts), loaded or not: its sockets
   * are closed with `close`, and whoever connects meanwhile waits, then loads the new document (the
   * same queue as an unload). Resolves with the stored size before and after.
   */
  rewrite(id: string, rewrite: (doc: Y.Doc) => Uint8Array, close: { code: number; reason: string }): Promise<{ before: number; after: number }> {
    this.cancelUnload(id);
    const loaded = this.rooms.get(id);
    this.rooms.delete(id);
    const previous = this.unloading.get(id) ?? Promise.resolve();
    const task = previous
      .catch(() => undefined)
      .then(async () => {
        let room = loaded ? await loaded.catch(() => null) : null;
        if (!room) {
          room = this.newRoom(id);
          await this.claim(room);
          await room.load();
        }
        try {
          return await room.replaceAndFree(rewrite, close);
        } finally {
          await this.releaseLease(room);
        }
      });
    const done: Promise<void> = task.then(
      () => undefined,
      () => undefined,
    ).finally(() => {
      if (this.unloading.get(id) === done) this.unloading.delete(id);
    });
    this.unloading.set(id, done);
    return task;
  }

  /** Flushes every room (for shutdown). */
  async closeAll(): Promise<void> {
    for (const t of this.unloadTimers.values()) clearTimeout(t);
    this.unloadTimers.clear();
    const rooms = await Promise.allSettled([...this.rooms.values()]);
    this.rooms.clear();
    for (const r of rooms) if (r.status === 'fulfilled') await r.value.unload().then(() => this.releaseLease(r.value));
    await Promise.allSettled([...this.unloading.values()]);
  }
}
