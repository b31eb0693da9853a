import * as Y from 'yjs';
import { MAX_NAMED_VERSIONS, type VersionEntry, type VersionKind } from '../../shared/history/version-types';
import { versionId } from '../../shared/history/version-id';
import { summarizeBoard } from '../../shared/history/version-summary';
import { revertDocTo } from '../../shared/history/revert-doc';
import type { BoardStore } from '../storage/board-store';
import type { Logger } from '../log';
import type { Room } from '../rooms/room';
import { ActivityWatch } from './activity-watch';
import { versionsToThin } from './thinning';

/** The 201st named checkpoint of a board. */
export class TooManyVersionsError extends Error {}
/** The room went away (compacted, unloaded) while a revert waited: nothing was changed. */
export class RoomGoneError extends Error {}

/** Origin of the server's revert transaction: not a connection, so the room relays it to everyone. */
export const REVERT_ORIGIN = 'revert';

export interface CheckpointInput {
  kind: VersionKind;
  label: string;
  by: string | null;
  revertedTo?: string;
}

/**
 * A board's checkpoints (issue 15, docs/architecture.md "Board history"): full states of the document
 * (Y.encodeStateAsUpdate) with a list entry, kept in the BoardStore beside the board. Taken
 * automatically (activity-watch.ts: after 10 minutes of activity, at each agenda step), before every
 * revert, and by facilitators (named). Work on one board runs one at a time, so the named limit and
 * thinning see every checkpoint before them.
 */
export class BoardHistory {
  private queues = new Map<string, Promise<unknown>>();
  private watches = new Map<Room, ActivityWatch>();

  constructor(
    private store: BoardStore,
    private log: Logger,
    /** The server's clock (ms since epoch); tests pass one they move by hand. */
    readonly clock: () => number = Date.now,
  ) {}

  /** Starts taking automatic checkpoints of a loaded room; stops when the room is freed. */
  watch(room: Room): void {
    const w = new ActivityWatch(room, this);
    this.watches.set(room, w);
    room.onStored = () => w.changed();
    room.onFreed = () => {
      w.stop();
      this.watches.delete(room);
    };
  }

  /** Takes a checkpoint of the room's document as it is now. */
  take(room: Room, input: CheckpointInput): Promise<VersionEntry> {
    return this.serial(room.id, () => this.takeNow(room, input));
  }

  /**
   * Reverts the live room to checkpoint `versionId`: first a `revert` checkpoint of the state now,
   * then the difference written through the room's write pipeline (stored, then relayed to everyone).
   * Resolves with the checkpoint taken before, or null when the board has no such checkpoint.
   */
  revert(room: Room, version: string, by: string | null): Promise<VersionEntry | null> {
    return this.serial(room.id, async () => {
      const state = await this.store.getVersion(room.id, version);
      if (!state) return null;
      const target = new Y.Doc();
      try {
        Y.applyUpdate(target, state);
        if (!room.isOpen) throw new RoomGoneError('the board was closed meanwhile');
        const before = await this.takeNow(room, { kind: 'revert', label: '', by, revertedTo: version });
        if (!room.isOpen) throw new RoomGoneError('the board was closed meanwhile');
        revertDocTo(room.doc, target, REVERT_ORIGIN);
        // Each person's size count follows the cards they own now (person-quota.ts).
        room.quota.seed(room.doc);
        await room.flushed();
        return before;
      } finally {
        target.destroy();
      }
    });
  }

  private async takeNow(room: Room, input: CheckpointInput): Promise<VersionEntry> {
    if (input.kind === 'named') {
      const named = (await this.store.listVersions(room.id)).filter((v) => v.kind === 'named').length;
      if (named >= MAX_NAMED_VERSIONS) throw new TooManyVersionsError(`This board already keeps ${MAX_NAMED_VERSIONS} named checkpoints.`);
    }
    const at = this.clock();
    const state = Y.encodeStateAsUpdate(room.doc);
    const entry: VersionEntry = { id: versionId(at), at, by: input.by, kind: input.kind, label: input.label, summary: summarizeBoard(room.doc) };
    if (input.revertedTo) entry.revertedTo = input.revertedTo;
    // Never keep a state that holds updates the store does not have yet.
    await room.flushed();
    await this.store.putVersion(room.id, entry, state);
    this.watches.get(room)?.taken();
    this.log.info('checkpoint taken', { board: room.id, version: entry.id, kind: entry.kind, bytes: state.byteLength });
    const thin = versionsToThin(await this.store.listVersions(room.id), this.clock());
    if (thin.length > 0) await this.store.deleteVersions(room.id, thin);
    return entry;
  }

  /** An automatic checkpoint could not be taken: logged; the board itself is not affected. */
  failed(room: Room, kind: VersionKind, err: unknown): void {
    this.log.error('checkpoint failed', { board: room.id, kind, err: String(err) });
  }

  /** Runs `fn` after every earlier task of the board; a failure does not block the next. */
  private serial<T>(boardId: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(boardId) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const settled = run.catch(() => undefined);
    this.queues.set(boardId, settled);
    void settled.then(() => {
      if (this.queues.get(boardId) === settled) this.queues.delete(boardId);
    });
    return run;
  }
}
