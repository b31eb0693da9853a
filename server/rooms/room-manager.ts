import type * as Y from 'yjs';
import type { BoardStore } from '../storage/board-store';
import type { Logger } from '../log';
import type { Metrics } from '../metrics';
import { Room } from './room';
import type { PresenceLimits } from './presence-limits';
import type { BoardHistory } from '../history/board-history';

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

  get size(): number {
    return this.rooms.size;
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
        .then(() => {
          // Names the board if LevelDB aborts the process while reading it (docs/operations.md).
          this.log.debug('board loading', { board: id });
          return r.load();
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
    const done = room.unload().finally(() => {
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
          await room.load();
        }
        return room.replaceAndFree(rewrite, close);
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
    for (const r of rooms) if (r.status === 'fulfilled') await r.value.unload();
    await Promise.allSettled([...this.unloading.values()]);
  }
}
