import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { decodeUpdate, decoded, type DecodedUpdate } from './decoded-update';

/**
 * Who may write under each Yjs client id of a board (docs/roles.md, "A client id belongs to one
 * person").
 *
 * Why: Yjs accepts each (client id, clock) once. Someone who writes under another person's client id
 * at clocks that person has not used yet ("clock burning") makes the real person's later updates for
 * those clocks look already known: their offline work would be skipped by the server and everyone.
 *
 * Rules:
 * - A client id with nothing on the board yet goes to the first writer who uses it (bound for good).
 * - Bindings to a person (from the `person` key, server/person.ts) are stored with the board and kept
 *   across restarts, so a person's offline edits under an earlier id still merge, from any session.
 * - A writer without a person key is "anonymous per connection": the ids it claims are its own for
 *   as long as that connection lasts, and kept in memory only.
 * - A client id that has content on the board but no binding (boards from before bindings existed,
 *   the server's own writes when it creates a board or restores a backup, an anonymous connection
 *   that is gone, a board reloaded since) is writable by nobody: its existing items stay as they are.
 * - A presence id is its person's (presence-limits.ts), also after their socket drops: others cannot
 *   claim it first. A facilitator's or participant's presence id is bound here (and stored) as soon as
 *   it appears (connection.ts `bindPresenceIds`); an id published without a person key is its socket's.
 */
export class ClientIdOwners {
  private owners: Map<number, string>;

  constructor(stored: ReadonlyMap<number, string> = new Map()) {
    this.owners = new Map(stored);
  }

  ownerOf(client: number): string | undefined {
    return this.owners.get(client);
  }

  /**
   * Splits what an update writes by client id, for `writer`: the ids it may not write under (their
   * new structs must not be applied) and the fresh ids it would claim.
   */
  judge(doc: Y.Doc, update: Uint8Array | DecodedUpdate, writer: string, presenceWriter: (client: number) => string | undefined): IdJudgement {
    const { structs } = decoded(update);
    const foreign = new Set<number>();
    const claims = new Set<number>();
    for (const s of structs) {
      if (s instanceof Y.Skip) continue;
      const client = s.id.client;
      const state = Y.getState(doc.store, client);
      // Structs the server already has are ignored by Yjs: a resend of other people's work is fine.
      if (s.id.clock + s.length <= state) continue;
      const owner = this.owners.get(client);
      if (owner === writer) continue;
      const presence = presenceWriter(client);
      if (owner !== undefined || state > 0 || (presence !== undefined && presence !== writer)) foreign.add(client);
      else claims.add(client);
    }
    return { foreign, claims: [...claims] };
  }

  /** Binds fresh ids to `writer`; returns the bindings to store (anonymous ones are not stored). */
  claim(clients: readonly number[], writer: string): Array<[client: number, owner: string]> {
    const fresh: Array<[number, string]> = [];
    for (const c of clients) {
      if (this.owners.has(c)) continue;
      this.owners.set(c, writer);
      fresh.push([c, writer]);
    }
    return isAnonymous(writer) ? [] : fresh;
  }
}

export interface IdJudgement {
  /** Client ids with new structs in the update that this writer may not write under. */
  foreign: Set<number>;
  /** Fresh client ids this writer would claim by writing. */
  claims: number[];
}

const ANONYMOUS = 'anonymous:';

/** The writer identity of a connection: its person id, or a name of its own when it sent no key. */
export function writerIdentity(personId: string | null): string {
  return personId ?? `${ANONYMOUS}${randomUUID()}`;
}

export function isAnonymous(writer: string): boolean {
  return writer.startsWith(ANONYMOUS);
}

/** A clock no struct reaches: a state vector entry that makes `Y.diffUpdate` leave a client out. */
const BEYOND = Number.MAX_SAFE_INTEGER;

/**
 * The update without the structs of `foreign` clients (its delete set kept), decoded; null when nothing
 * is left. Throws if a foreign struct survived (clocks beyond any real client's), so the caller refuses it.
 */
export function withoutClients(update: Uint8Array, foreign: ReadonlySet<number>): DecodedUpdate | null {
  const sv = new Map<number, number>();
  for (const c of foreign) sv.set(c, BEYOND);
  const rest = decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(sv)));
  if (rest.structs.some((s) => foreign.has(s.id.client))) throw new Error('a foreign struct is out of range');
  return rest.structs.length === 0 && rest.ds.clients.size === 0 ? null : rest;
}
