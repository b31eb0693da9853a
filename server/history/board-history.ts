import * as Y from 'yjs';
import { MAX_NAMED_VERSIONS, type VersionEntry, type VersionKind } from '../../shared/history/version-types';
import { versionId } from '../../shared/history/version-id';
import { summarizeBoard } from '../../shared/history/version-summary';
import { revertDocTo } from '../../shared/history/revert-doc';
import type { BoardStore } from '../storage/board-store';
import type { Logger } from '../log';
import type { Room } from '../rooms/room';
import { addsNothing } from '../rooms/person-quota';
import { checkContentLimits } from '../rooms/content-limits';
import { ActivityWatch } from './activity-watch';
import { versionsToThin } from './thinning';

/** The 201st named checkpoint of a board. */
export class TooManyVersionsError extends Error {}
/** The room went away (compacted, unloaded) while a revert waited: nothing was changed. */
export class RoomGoneError extends Error {}
/**
 * A revert that would break a limit every write is held to: the board's size (MAX_DOC_BYTES, as a
 * facilitator's write) or the content limits (content-limits.ts, as any write and any import). Nothing
 * was changed.
 */
export class RevertRefusedError extends Error {
  constructor(
    readonly reason: 'doc-too-large' | 'content-limit',
    message: string,
  ) {
    super(message);
  }
}
/** Only named checkpoints may be deleted: the others are the server's (see deleteNamed). */
export class NotNamedError extends Error {}

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
    /** The board size limit a revert is held to, as a facilitator's write (MAX_DOC_BYTES). */
    private maxDocBytes = Infinity,
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
   * Resolves with the checkpoint taken before, or null when the board has no such checkpoint. Throws
   * RevertRefusedError, with nothing changed, when the result would break the limits writes are held to.
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
        // Computed and checked against the board as it is now, and applied in the same tick.
        let edit: Uint8Array | null;
        try {
          edit = this.revertEdit(room, target);
        } catch (err) {
          // Refused: the checkpoint of "before" has nothing to undo.
          await this.store.deleteVersions(room.id, [before.id], room.epoch);
          throw err;
        }
        if (edit) Y.applyUpdate(room.doc, edit, REVERT_ORIGIN);
        // Each person's size count follows the cards they own now (person-quota.ts).
        room.quota.seed(room.doc);
        await room.flushed();
        return before;
      } finally {
        target.destroy();
      }
    });
  }

  /**
   * The revert as one update (null when nothing differs), made on a copy of the live document so it can
   * be judged before anything is applied: a revert writes the checkpoint's content again on top of the
   * board's stored history, which can take it over the size limit. The copy writes under a client id of
   * its own, new to the board and bound to nobody, so no client may ever write under it (client-ids.ts),
   * as under the room's own (Yjs replaces a document's id when an update brings items under it).
   */
  private revertEdit(room: Room, target: Y.Doc): Uint8Array | null {
    const copy = new Y.Doc();
    try {
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
      const taken = (id: number) => room.doc.store.clients.has(id) || id === room.doc.clientID || room.clientIds.ownerOf(id) !== undefined;
      while (taken(copy.clientID)) copy.clientID = Math.floor(Math.random() * 2 ** 32);
      const edits: Uint8Array[] = [];
      copy.on('update', (u: Uint8Array) => edits.push(u));
      revertDocTo(copy, target, REVERT_ORIGIN); // one transaction: one update
      if (edits.length === 0) return null;
      const edit = edits.length === 1 ? edits[0] : Y.mergeUpdates(edits);
      const bytes = edit.byteLength;
      if (!addsNothing(room.doc, edit) && room.storedBytes + bytes > this.maxDocBytes) {
        throw new RevertRefusedError(
          'doc-too-large',
          `Reverting to this checkpoint would make the board larger than its limit of ${this.maxDocBytes} bytes (it takes ${room.storedBytes} bytes and the revert would add ${bytes}). Nothing was changed. Compact the board first, or restore the checkpoint as a new board.`,
        );
      }
      if (checkContentLimits(room.doc, edit)) {
        throw new RevertRefusedError('content-limit', 'This checkpoint holds content beyond the limits every write is held to, so the board cannot be reverted to it. Nothing was changed.');
      }
      return edit;
    } finally {
      copy.destroy();
    }
  }

  /**
   * Deletes a named checkpoint; false when the board has no such checkpoint. Throws NotNamedError for
   * the others: automatic, agenda and "before a revert" checkpoints are the server's safety net (the
   * last is how a revert is undone), and thinning already bounds them; named ones are kept for good and
   * count against the 200 a board may keep, so deleting them is how a facilitator makes room.
   */
  deleteNamed(boardId: string, version: string): Promise<boolean> {
    return this.serial(boardId, async () => {
      const entry = (await this.store.listVersions(boardId)).find((v) => v.id === version);
      if (!entry) return false;
      if (entry.kind !== 'named') throw new NotNamedError('Only named checkpoints can be deleted; the server keeps and thins the others.');
      await this.store.deleteVersions(boardId, [version]);
      this.log.info('checkpoint deleted', { board: boardId, version });
      return true;
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
    // Fenced like the board's own writes: a stale owner's checkpoint is refused (FencedError).
    await this.store.putVersion(room.id, entry, state, room.epoch);
    this.watches.get(room)?.taken();
    this.log.info('checkpoint taken', { board: room.id, version: entry.id, kind: entry.kind, bytes: state.byteLength });
    const thin = versionsToThin(await this.store.listVersions(room.id), this.clock());
    if (thin.length > 0) await this.store.deleteVersions(room.id, thin, room.epoch);
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
