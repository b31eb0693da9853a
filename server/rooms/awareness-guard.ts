import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Reads the client ids in an awareness update without applying it, so the server can refuse a
 * connection that tries to write someone else's presence (a cursor or name it does not own).
 * Format (y-protocols): varuint count, then per entry varuint clientID, varuint clock, varstring state.
 */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  if (n > 10_000) throw new Error('too many awareness entries');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < n; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    entries.push({ clientId, clock, state: JSON.parse(decoding.readVarString(d)) });
  }
  return entries;
}

/** The inverse of readAwarenessEntries: an awareness update holding only `entries`. */
export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return encoding.toUint8Array(e);
}

/**
 * The role a presence state claims (`user.role`, as the app publishes it), if any. The server checks it
 * against the connection's real role, so nobody appears as facilitator in the online list by saying so.
 */
export function claimedRole(state: unknown): unknown {
  if (typeof state !== 'object' || state === null) return undefined;
  const user = (state as { user?: unknown }).user;
  if (typeof user !== 'object' || user === null) return undefined;
  return (user as { role?: unknown }).role;
}
