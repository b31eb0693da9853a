import type { Role } from '../../shared/protocol';
import { claimedRole, type AwarenessEntry } from './awareness-guard';

/**
 * Who may write which presence (awareness) entry on one board, and how much presence a board keeps.
 *
 * Why a registry of its own: y-protocols' Awareness keeps a `meta` record for every client id it ever
 * saw, even ids that only ever sent an empty (null) state, and never forgets them; a viewer sending
 * null states under ever-new ids grew the server by hundreds of MiB. Here every id the board knows is a
 * `Binding`, bounded in number, and the Awareness's own records are pruned when a state goes away.
 *
 * A presence id is bound to the person (the `person` key's id) that introduced it, for as long as the
 * board is loaded: when a socket drops, nobody else can claim its id, and the same person reconnecting
 * (a new socket, the same doc client id) gets it back. Ids introduced without a person key are bound to
 * their connection only: once it leaves, anyone may take them, at a newer clock.
 */
export interface PresenceLimits {
  /** Largest presence of one connection (all its ids together) and of one message, in bytes of JSON. */
  maxAwarenessBytes: number;
  /** Presence bytes of a whole board. */
  maxPresenceBytesPerBoard: number;
}

/** Live presence ids one connection may hold at once (a stock client uses one). */
export const MAX_PRESENCE_PER_CONNECTION = 4;
/** Distinct presence ids one connection may introduce over its life (ids churned in and out). */
export const MAX_PRESENCE_EVER_PER_CONNECTION = 16;
/** Live presence ids on one board. */
export const MAX_PRESENCE_IDS_PER_BOARD = 1000;
/** Ids the board remembers (live or gone), so their person can reclaim them; the oldest gone ones go first. */
export const MAX_PRESENCE_BINDINGS_PER_BOARD = 2000;

export type PresenceDropReason =
  | 'presence-too-large'
  | 'presence-not-own'
  | 'presence-too-many'
  | 'presence-role'
  | 'presence-board-full'
  | 'presence-rate';

/** What the registry needs to know about a connection. */
export interface PresenceHolder {
  readonly personId: string | null;
  /** The presence ids this connection holds now. */
  readonly awarenessIds: Set<number>;
  readonly role: Role;
  /** Distinct ids this connection introduced so far (MAX_PRESENCE_EVER_PER_CONNECTION). */
  presenceIntroduced: number;
}

interface Binding<C extends PresenceHolder> {
  /** The person who introduced the id; null for a connection without a person key. */
  person: string | null;
  /** The connection that holds it now; null once it left. */
  owner: C | null;
  /** Whether the person was a facilitator: their ids are the last to be forgotten (the projector follows them). */
  facilitator: boolean;
  /** Last clock the board accepted for this id (kept after the Awareness forgets it). */
  clock: number;
  /** JSON bytes of the current state; 0 when there is none. */
  bytes: number;
}

export interface Admission {
  /** Entries to apply, clocks already adjusted (see `admit`). */
  entries: AwarenessEntry[];
  /** Why entries were refused, one per refused entry that would have changed something. */
  drops: PresenceDropReason[];
}

/** The view of y-protocols' Awareness the registry reads and prunes. */
export interface AwarenessView {
  states: Map<number, unknown>;
  meta: Map<number, { clock: number; lastUpdated: number }>;
}

export class PresenceRegistry<C extends PresenceHolder> {
  /** In order of last use: the first gone ones are the first to be forgotten. */
  private bindings = new Map<number, Binding<C>>();
  private boardBytes = 0;
  private liveIds = 0;

  constructor(
    private awareness: AwarenessView,
    private limits: PresenceLimits,
  ) {}

  /** Presence entries and bytes the board holds: what the limits bound (read by tests). */
  stats(): { bindings: number; liveIds: number; bytes: number; awarenessMeta: number; awarenessStates: number } {
    return {
      bindings: this.bindings.size,
      liveIds: this.liveIds,
      bytes: this.boardBytes,
      awarenessMeta: this.awareness.meta.size,
      awarenessStates: this.awareness.states.size,
    };
  }

  /** The connection holding a presence id, if any. */
  ownerOf(clientId: number): C | undefined {
    return this.bindings.get(clientId)?.owner ?? undefined;
  }

  /**
   * The person a presence id is bound to, whether or not they are connected now (null: introduced
   * without a person key; undefined: an id the board does not remember). client-ids.ts reads it, so
   * nobody writes document updates under a presence id of someone who dropped.
   */
  personOf(clientId: number): string | null | undefined {
    return this.bindings.get(clientId)?.person;
  }

  /** The clock to relay for an id whose Awareness record may already be pruned. */
  clockOf(clientId: number): number {
    return this.awareness.meta.get(clientId)?.clock ?? this.bindings.get(clientId)?.clock ?? 0;
  }

  /**
   * Decides which entries of one awareness message from `conn` the board applies. Entries for ids that
   * belong to someone else are left out (stock clients echo everyone's presence, so that is normal and
   * counts as a drop only when it would have changed something). Removals of ids that have no state are
   * left out: they would only leave a record behind. An id its own person takes back (a new socket after
   * a drop) gets a clock above the last one relayed, so everyone else shows it again at once.
   */
  admit(conn: C, entries: AwarenessEntry[]): Admission {
    const drops: PresenceDropReason[] = [];
    const out: AwarenessEntry[] = [];
    const sized: Array<{ e: AwarenessEntry; bytes: number; fresh: boolean }> = [];
    const seen = new Set<number>();
    for (const e of entries) {
      // One id once per message: later copies would be judged against books the first one changes.
      if (seen.has(e.clientId)) continue;
      seen.add(e.clientId);
      const b = this.bindings.get(e.clientId);
      const mine = b?.owner === conn;
      const hasState = this.awareness.states.has(e.clientId);
      const current = this.clockOf(e.clientId);
      const newer = e.clock > current || (e.clock === current && e.state === null && hasState);
      if (!mine && b && !this.mayClaim(conn, b)) {
        if (newer) drops.push('presence-not-own');
        continue;
      }
      if (e.state === null) {
        // Removing: only one's own live presence; anything else would just leave a record behind.
        if (mine && hasState && newer) out.push(e);
        continue;
      }
      const json = JSON.stringify(e.state);
      // Relayed above every clock seen for the id when its person takes it back (a new socket: clients
      // that saw it removed at that clock show it again at once), and when its holder changes it at the
      // clock the server itself moved it to (the client did not know yet). Anything else must be newer:
      // stock clients echo the presence they receive, and an echo arriving after its holder left must
      // not bring it back under the echoing connection.
      let clock = e.clock;
      if (!newer) {
        const reclaim = !mine && b !== undefined && b.person !== null && b.person === conn.personId;
        const sameClockChange = mine && e.clock === current && hasState && json !== JSON.stringify(this.awareness.states.get(e.clientId));
        if (!reclaim && !sameClockChange) continue; // a stale resend or an echo
        clock = current + 1;
      }
      const role = claimedRole(e.state);
      if (role !== undefined && role !== conn.role) {
        drops.push('presence-role');
        continue;
      }
      sized.push({ e: clock === e.clock ? e : { ...e, clock }, bytes: json.length, fresh: !mine });
    }
    // Count and size are judged for the message as a whole: one message may not carry more presence
    // than one connection may hold.
    const own = conn.awarenessIds;
    const introduced = sized.filter((s) => s.fresh).length;
    if (introduced > 0 && (own.size + introduced > MAX_PRESENCE_PER_CONNECTION || conn.presenceIntroduced + introduced > MAX_PRESENCE_EVER_PER_CONNECTION)) {
      return { entries: out, drops: [...drops, 'presence-too-many'] };
    }
    const messageBytes = sized.reduce((n, s) => n + s.bytes, 0);
    let connBytes = 0;
    for (const id of own) connBytes += this.bindings.get(id)?.bytes ?? 0;
    let delta = 0;
    for (const s of sized) delta += s.bytes - (s.fresh ? 0 : (this.bindings.get(s.e.clientId)?.bytes ?? 0));
    if (messageBytes > this.limits.maxAwarenessBytes || connBytes + delta > this.limits.maxAwarenessBytes) {
      return { entries: out, drops: [...drops, 'presence-too-large'] };
    }
    if ((delta > 0 && this.boardBytes + delta > this.limits.maxPresenceBytesPerBoard) || (introduced > 0 && this.liveIds + introduced > MAX_PRESENCE_IDS_PER_BOARD)) {
      return { entries: out, drops: [...drops, 'presence-board-full'] };
    }
    for (const s of sized) out.push(s.e);
    return { entries: out, drops };
  }

  /** Whether `conn` may take an id bound to someone else: its own person's, or a gone one of nobody's. */
  private mayClaim(conn: C, b: Binding<C>): boolean {
    if (b.person !== null) return b.person === conn.personId;
    return b.owner === null;
  }

  /**
   * Records what applying `entries` (from `admit`) did: ids with a state now belong to `conn`. Reads the
   * Awareness rather than trusting the entries, so the books match what y-protocols really did.
   */
  applied(conn: C, entries: AwarenessEntry[]): void {
    for (const e of entries) {
      const id = e.clientId;
      const state = this.awareness.states.get(id);
      let b = this.bindings.get(id);
      if (state === undefined) {
        if (b) this.stateGone(id, b);
        continue;
      }
      if (!b) b = { person: conn.personId, owner: null, facilitator: false, clock: 0, bytes: 0 };
      if (b.owner !== conn) {
        if (b.owner === null) this.liveIds++;
        else b.owner.awarenessIds.delete(id); // the same person's older socket
        b.owner = conn;
        conn.awarenessIds.add(id);
        conn.presenceIntroduced++;
      }
      b.facilitator ||= conn.role === 'facilitator';
      b.clock = this.awareness.meta.get(id)?.clock ?? e.clock;
      const bytes = JSON.stringify(state).length;
      this.boardBytes += bytes - b.bytes;
      b.bytes = bytes;
      // Re-inserted: the map stays in order of last use.
      this.bindings.delete(id);
      this.bindings.set(id, b);
    }
    this.forgetOldest();
  }

  /** The Awareness removed these ids (a removal, a leave, its 30 s timeout): their states no longer count. */
  removed(ids: number[]): void {
    for (const id of ids) {
      const b = this.bindings.get(id);
      if (b && !this.awareness.states.has(id)) this.stateGone(id, b);
    }
  }

  /**
   * A connection left: its ids are free for their person to take back (ids without a person, for
   * anyone). Returns them so the caller removes their states from the Awareness.
   */
  release(conn: C): number[] {
    const ids = [...conn.awarenessIds];
    conn.awarenessIds.clear();
    for (const id of ids) {
      const b = this.bindings.get(id);
      if (!b || b.owner !== conn) continue;
      b.owner = null;
      this.liveIds--;
    }
    return ids;
  }

  /**
   * After the removal of `ids` was relayed: drop the Awareness's records of them. Their bindings stay
   * (with the last clock), within MAX_PRESENCE_BINDINGS_PER_BOARD: they keep late echoes out.
   */
  prune(ids: Iterable<number>): void {
    for (const id of ids) {
      if (this.awareness.states.has(id)) continue;
      const b = this.bindings.get(id);
      if (b) b.clock = Math.max(b.clock, this.awareness.meta.get(id)?.clock ?? 0);
      this.awareness.meta.delete(id);
    }
  }

  private stateGone(id: number, b: Binding<C>): void {
    this.boardBytes -= b.bytes;
    b.bytes = 0;
    b.clock = Math.max(b.clock, this.awareness.meta.get(id)?.clock ?? 0);
  }

  /** Keeps the bindings under their cap: gone ids only, participants' before facilitators', oldest first. */
  private forgetOldest(): void {
    let excess = this.bindings.size - MAX_PRESENCE_BINDINGS_PER_BOARD;
    for (const facilitators of [false, true]) {
      for (const [id, b] of this.bindings) {
        if (excess <= 0) return;
        if (b.owner !== null || b.facilitator !== facilitators) continue;
        this.bindings.delete(id);
        if (!this.awareness.states.has(id)) this.awareness.meta.delete(id);
        excess--;
      }
    }
  }
}
