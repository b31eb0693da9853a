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
import { claimedRole, encodeAwarenessEntries, readAwarenessEntries, type AwarenessEntry } from './awareness-guard';
import { MSG, awarenessMessage, syncStep2 } from './messages';
import type { Room } from './room';
import { dropPending } from './pending-updates';
import { refusedPlaceholder } from './refused-placeholder';
import { updateScope } from './update-scope';
import { checkVotes } from './vote-rules';
import { checkWrite } from './write-rules';

/** Sync sub-messages of y-protocols. */
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/** Presence client ids one connection may introduce (a stock client uses one). */
const MAX_PRESENCE_PER_CONNECTION = 4;

/** Thrown for a frame that does not follow the protocol; the sender is closed, nobody else notices. */
class BadMessage extends Error {}

/**
 * One client's socket in a room. Decodes frames, applies the role's write rules, and hands accepted
 * updates to the room's doc (whose update handler stores and relays them).
 */
export type ConnectionLimits = Pick<
  ServerConfig,
  'rateMessages' | 'rateMessagesBurst' | 'rateBytes' | 'rateBytesBurst' | 'maxAwarenessBytes' | 'maxDocBytes'
>;

export class Connection {
  readonly awarenessIds = new Set<number>();
  private alive = true;
  private messages: TokenBucket;
  private bytes: TokenBucket;

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
  }

  send(msg: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.metrics.messagesOut++;
    this.metrics.bytesOut += msg.byteLength;
    this.ws.send(msg, (err) => {
      if (err) this.close(1011, 'send failed');
    });
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
      case MSG.queryAwareness: {
        const ids = [...this.room.awareness.getStates().keys()];
        if (ids.length) this.send(awarenessMessage(this.room.awareness, ids));
        return;
      }
      case MSG.auth:
        return; // Auth happens at upgrade; the message is accepted and ignored.
      default:
        throw new BadMessage(`unknown message type ${type}`);
    }
  }

  private answerStep1(stateVector: Uint8Array): void {
    // Validate now, answer once what we send is durable (so a crash cannot un-send it).
    Y.decodeStateVector(stateVector);
    void this.room.flushed().then(() => this.send(syncStep2(this.room.doc, stateVector)));
  }

  private receiveAwareness(payload: Uint8Array): void {
    const entries = readAwarenessEntries(payload);
    if (payload.byteLength > this.limits.maxAwarenessBytes * Math.max(1, entries.length)) {
      this.metrics.drop('presence-too-large');
      return;
    }
    // A connection may write only presence it introduced itself, never another person's. Stock clients
    // echo every presence change they receive, other people's included: such an echo is not newer than
    // what the server holds and is skipped quietly; only a real attempt to change it counts as a drop.
    const mine = entries.filter((e) => this.awarenessIds.has(e.clientId) || this.room.presenceOwner(e.clientId) === undefined);
    if (mine.length < entries.length) {
      if (entries.some((e) => !mine.includes(e) && this.wouldChangePresence(e))) this.metrics.drop('presence-not-own');
      if (mine.length === 0) return;
    }
    // A stock client publishes one presence (its doc's client id). Many would let one connection fill
    // the board's presence, and every relay to everyone, with fakes.
    const introduced = new Set(mine.filter((e) => !this.awarenessIds.has(e.clientId) && e.state !== null).map((e) => e.clientId));
    if (this.awarenessIds.size + introduced.size > MAX_PRESENCE_PER_CONNECTION) {
      this.metrics.drop('presence-too-many');
      return;
    }
    if (mine.some((e) => claimedRole(e.state) !== undefined && claimedRole(e.state) !== this.role)) {
      this.metrics.drop('presence-role');
      return;
    }
    const update = mine.length === entries.length ? payload : encodeAwarenessEntries(mine);
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, update, this);
  }

  /** Whether y-protocols would apply this entry (a newer clock, or a removal at the same clock). */
  private wouldChangePresence(e: AwarenessEntry): boolean {
    const current = this.room.awareness.meta.get(e.clientId)?.clock ?? -1;
    return e.clock > current || (e.clock === current && e.state === null && this.room.awareness.getStates().has(e.clientId));
  }

  private receiveUpdate(update: Uint8Array): void {
    if (this.role === 'viewer') {
      // Viewers' clients answer the server's step 1 like anyone; only a non-empty write is a drop.
      if (!isEmptyUpdate(update)) this.metrics.drop('viewer');
      return;
    }
    if (this.room.storedBytes + update.byteLength > this.limits.maxDocBytes) {
      this.metrics.drop('doc-too-large');
      this.log.warn('board too large; write refused', { board: this.room.id, bytes: this.room.storedBytes });
      this.close(CLOSE.docTooLarge, 'board too large');
      return;
    }
    const scope = updateScope(this.room.doc, update);
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
    });
    if (refused) {
      this.metrics.drop(refused);
      this.log.info('write refused', { board: this.room.id, role: this.role, reason: refused });
      // Fill the refused clock range with empty structs, or this client's later writes would wait
      // forever behind the gap (see refused-placeholder.ts).
      const placeholder = refusedPlaceholder(update);
      if (placeholder) Y.applyUpdate(this.room.doc, placeholder, this);
      dropPending(this.room.doc);
      return;
    }
    Y.applyUpdate(this.room.doc, update, this);
    if (dropPending(this.room.doc)) this.metrics.drop('incomplete');
  }
}

function isEmptyUpdate(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
}
