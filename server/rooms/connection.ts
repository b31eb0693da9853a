import type { WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Role } from '../../shared/protocol';
import { CLOSE } from '../../shared/protocol';
import { readLocks } from '../../shared/doc/read';
import { ROOT } from '../../shared/doc/schema';
import type { Logger } from '../log';
import type { Metrics } from '../metrics';
import type { ServerConfig } from '../config';
import { TokenBucket } from '../token-bucket';
import { encodeAwarenessEntries, readAwarenessEntries } from './awareness-guard';
import { MSG, awarenessMessage } from './messages';
import { overCeiling, SLOW_READER_GRACE_MS } from './send-ceiling';
import { ANSWER_BURST_BYTES, ANSWER_RATE_DIVISOR, SyncAnswers } from './sync-answers';
import type { Room } from './room';
import { dropPending } from './pending-updates';
import { refusedPlaceholder } from './refused-placeholder';
import { decodeUpdate, type DecodedUpdate } from './decoded-update';
import { updateScope } from './update-scope';
import { updateItems } from './update-items';
import { withoutClients, writerIdentity } from './client-ids';
import { checkVotes } from './vote-rules';
import { checkWrite, type DropReason } from './write-rules';
import { addsNothing } from './person-quota';
import { checkContentLimits } from './content-limits';

/** Sync sub-messages of y-protocols. */
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/** Thrown for a frame that does not follow the protocol; the sender is closed, nobody else notices. */
class BadMessage extends Error {}

/**
 * One client's socket in a room. Decodes frames, applies the role's write rules, and hands accepted
 * updates to the room's doc (whose update handler stores and relays them).
 */
export type ConnectionLimits = Pick<
  ServerConfig,
  'rateMessages' | 'rateMessagesBurst' | 'rateBytes' | 'rateBytesBurst' | 'maxAwarenessBytes' | 'maxDocBytes' | 'maxSendBufferBytes' | 'personSharePercent'
>;

export class Connection {
  /** The presence ids this connection holds (kept by the room's PresenceRegistry). */
  readonly awarenessIds = new Set<number>();
  /** Distinct presence ids it introduced so far (presence-limits.ts). */
  presenceIntroduced = 0;
  /** Whether its first presence id was bound for document writes (bindPresenceIds). */
  private presenceIdBound = false;
  private alive = true;
  private messages: TokenBucket;
  private bytes: TokenBucket;
  /** Sync step 1s and presence queries, answered within a send budget (sync-answers.ts). */
  private answers: SyncAnswers;
  /**
   * Presence bytes a second this connection may have relayed to everyone (MAX_AWARENESS_BYTES a second,
   * twice that in a burst). A stock client sends a few hundred bytes at most 20 times a second; one
   * changing a 15 KiB state ten times a second made every reader of the board receive it.
   */
  private presenceBytes: TokenBucket;
  /** Who this connection writes as, for client id ownership (client-ids.ts). */
  readonly writer: string;

  constructor(
    private ws: WebSocket,
    private room: Room,
    readonly role: Role,
    private log: Logger,
    private metrics: Metrics,
    private limits: ConnectionLimits,
    /** From the `person` key the client sent (server/person.ts); null for clients that send none. */
    readonly personId: string | null = null,
  ) {
    this.messages = new TokenBucket(limits.rateMessages, limits.rateMessagesBurst);
    this.bytes = new TokenBucket(limits.rateBytes, limits.rateBytesBurst);
    this.answers = new SyncAnswers(
      {
        // Answer once what we send is durable (so a crash cannot un-send it); the diff is computed
        // then, for the newest state vector the client sent.
        step1: (sv) => this.room.flushed().then(() => this.send(this.room.answerFor(sv))),
        presence: () => {
          const ids = [...this.room.awareness.getStates().keys()];
          return ids.length ? this.send(awarenessMessage(this.room.awareness, ids)) : 0;
        },
      },
      limits.rateBytes / ANSWER_RATE_DIVISOR,
      ANSWER_BURST_BYTES,
    );
    this.presenceBytes = new TokenBucket(limits.maxAwarenessBytes, 2 * limits.maxAwarenessBytes);
    this.writer = writerIdentity(personId);
  }

  /** Sends a message; returns the bytes sent (0 if the socket is closing or was closed for being slow). */
  send(msg: Uint8Array): number {
    if (this.ws.readyState !== this.ws.OPEN) return 0;
    if (overCeiling(this.ws, this.limits.maxSendBufferBytes)) {
      this.closeSlowReader();
      return 0;
    }
    this.metrics.messagesOut++;
    this.metrics.bytesOut += msg.byteLength;
    this.ws.send(msg, (err) => {
      if (err) this.close(1011, 'send failed');
    });
    return msg.byteLength;
  }

  private closeSlowReader(): void {
    this.metrics.closedSlowReader++;
    this.log.warn('send buffer over its ceiling; closing a slow reader', { board: this.room.id, buffered: this.ws.bufferedAmount });
    this.close(CLOSE.slowReader, 'too slow');
    // Its close frame waits behind everything queued: a reader that reads nothing is cut off.
    setTimeout(() => this.ws.terminate(), SLOW_READER_GRACE_MS).unref();
  }

  /** The connection is gone: nothing it asked for is answered any more. */
  dispose(): void {
    this.answers.stop();
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(code, reason);
  }

  /** For the keep-alive sweep: false if the last ping got no pong. */
  checkAlive(): boolean {
    if (!this.alive) {
      this.ws.terminate();
      return false;
    }
    this.alive = false;
    this.ws.ping();
    return true;
  }
  markAlive(): void {
    this.alive = true;
  }

  handle(data: Uint8Array): void {
    // Once we close a connection, frames it had already sent still arrive: ignore them, or a flood
    // would be logged and counted once per message, and writes sent after garbage would still apply.
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.metrics.messagesIn++;
    this.metrics.bytesIn += data.byteLength;
    if (!this.messages.take(1) || !this.bytes.take(data.byteLength)) {
      this.metrics.closedRateLimit++;
      this.log.warn('rate limit exceeded; closing its connection', { board: this.room.id });
      this.close(CLOSE.policy, 'rate limit');
      return;
    }
    try {
      this.dispatch(data);
    } catch (err) {
      this.metrics.closedBadMessage++;
      this.log.warn('malformed message; closing its connection', { board: this.room.id, err: String(err).slice(0, 200) });
      this.close(CLOSE.policy, 'malformed message');
    }
  }

  private dispatch(data: Uint8Array): void {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    switch (type) {
      case MSG.sync: {
        const sub = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        if (sub === SYNC_STEP1) return this.answerStep1(payload);
        if (sub === SYNC_STEP2 || sub === SYNC_UPDATE) return this.receiveUpdate(payload);
        throw new BadMessage(`unknown sync message ${sub}`);
      }
      case MSG.awareness: {
        const payload = decoding.readVarUint8Array(d);
        return this.receiveAwareness(payload);
      }
      case MSG.queryAwareness:
        return this.answers.presence();
      case MSG.auth:
        return; // Auth happens at upgrade; the message is accepted and ignored.
      default:
        throw new BadMessage(`unknown message type ${type}`);
    }
  }

  private answerStep1(stateVector: Uint8Array): void {
    Y.decodeStateVector(stateVector); // validate now: a bad one closes the sender here
    this.answers.step1(stateVector);
  }

  private receiveAwareness(payload: Uint8Array): void {
    // Who may write which entry, and how much presence a connection and a board keep: presence-limits.ts.
    const { entries, drops } = this.room.presence.admit(this, readAwarenessEntries(payload));
    for (const reason of drops) this.metrics.drop(reason);
    if (entries.length === 0) return;
    if (!this.presenceBytes.take(entries.reduce((n, e) => n + (e.state === null ? 0 : JSON.stringify(e.state).length), 0))) {
      this.metrics.drop('presence-rate');
      return;
    }
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, encodeAwarenessEntries(entries), this);
    this.room.presence.applied(this, entries);
    this.bindPresenceIds(entries);
  }

  /**
   * A stock client publishes its presence under its document client id, often long before it writes
   * anything (a facilitator who only watches). Such an id is bound to the person for document writes
   * too, and stored (client-ids.ts): otherwise, once the socket drops, anyone who saw the id could
   * write under it and burn the clocks that person's offline work will use. Viewers cannot write, so
   * their ids are bound in memory only (PresenceRegistry.personOf), as are further ids of one connection.
   */
  private bindPresenceIds(entries: readonly { clientId: number; state: unknown }[]): void {
    if (!this.personId || this.role === 'viewer' || this.presenceIdBound) return;
    // One id per connection, its first (a stock client has one, its doc's client id): the store grows
    // by one small record per connection at most, however many ids a script churns through; the
    // others are still its person's in memory while the board is loaded.
    const first = entries.find(({ clientId, state }) => state !== null && this.awarenessIds.has(clientId));
    if (!first) return;
    this.presenceIdBound = true;
    const id = first.clientId;
    if (this.room.clientIds.ownerOf(id) === undefined && Y.getState(this.room.doc.store, id) === 0) this.room.claimClientIds([id], this.writer);
  }

  private receiveUpdate(bytes: Uint8Array): void {
    if (this.role === 'viewer') {
      // Viewers' clients answer the server's step 1 like anyone; only a non-empty write is a drop.
      if (!isEmptyUpdate(bytes)) this.metrics.drop('viewer');
      return;
    }
    // Decoded once for every check below (decoded-update.ts); Yjs decodes it once more to apply it.
    let decoded = decodeUpdate(bytes);
    // Size: a person's share and the board's cap (person-quota.ts). Deletions always pass, so a full
    // board can be cleaned. The sender stays connected: a close would make it resend on reconnect.
    const tooBig = addsNothing(this.room.doc, decoded)
      ? null
      : this.room.quota.check(this.role, this.personId, bytes.byteLength, this.room.storedBytes, this.limits);
    if (tooBig) {
      this.log.info('write refused for size', { board: this.room.id, reason: tooBig, bytes: this.room.storedBytes });
      this.room.compactToFreeSpace();
      return this.refuse(decoded, tooBig);
    }
    // Structs under someone else's client id are left out, never applied nor replaced by a
    // placeholder (either would burn that person's clocks); the rest is judged as usual.
    // A presence id belongs to its person even while they are away; one without a person, to its socket.
    const presenceWriter = (c: number) => this.room.presence.personOf(c) ?? this.room.presence.ownerOf(c)?.writer;
    const ids = this.room.clientIds.judge(this.room.doc, decoded, this.writer, presenceWriter);
    if (ids.foreign.size > 0) {
      this.metrics.drop('client-id-not-own');
      this.log.info('write under another client id refused', { board: this.room.id, role: this.role });
      const rest = withoutClients(bytes, ids.foreign);
      if (!rest) return;
      decoded = rest;
    }
    const update = decoded.bytes;
    // One index of its new items for the scope and the content limits (update-items.ts).
    const items = updateItems(this.room.doc, decoded);
    const scope = updateScope(this.room.doc, update, items);
    if (scope.overlap) {
      // Yjs would integrate the new part next to the client's last item, whatever it declares. A
      // stock client never sends this except in a reconnect race; closing (no placeholder) makes it
      // reconnect and send exactly what the server lacks, so nothing it wrote is lost.
      this.metrics.drop('overlap');
      this.log.info('overlapping update refused; closing its connection', { board: this.room.id, role: this.role });
      this.close(CLOSE.policy, 'overlapping update');
      return;
    }
    const cards = this.room.doc.getMap<unknown>(ROOT.cards);
    const refused = checkWrite(this.role, scope, {
      locks: readLocks(this.room.doc),
      personId: this.personId,
      ownerOf: (id) => {
        const card = cards.get(id);
        if (!(card instanceof Y.Map)) return null;
        const owner = card.get('ownerId');
        return typeof owner === 'string' ? owner : undefined;
      },
      checkVotes: (keys) => checkVotes(this.room.doc, update, keys, this.personId),
    }) ?? checkContentLimits(this.room.doc, update, items);
    // The writer used these clocks, refused or not: they are theirs from now on.
    this.room.claimClientIds(ids.claims, this.writer);
    if (refused) {
      this.log.info('write refused', { board: this.room.id, role: this.role, reason: refused });
      return this.refuse(decoded, refused);
    }
    Y.applyUpdate(this.room.doc, update, this);
    this.room.quota.record(this.personId, update.byteLength);
    if (dropPending(this.room.doc)) this.metrics.drop('incomplete');
  }

  private refuse(update: DecodedUpdate, reason: DropReason): void {
    this.metrics.drop(reason);
    // Fill the refused clock range with empty structs, or this client's later writes would wait
    // forever behind the gap (see refused-placeholder.ts).
    const placeholder = refusedPlaceholder(update);
    if (placeholder) Y.applyUpdate(this.room.doc, placeholder, this);
    dropPending(this.room.doc);
  }
}

function isEmptyUpdate(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
}
