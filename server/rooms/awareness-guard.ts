import * as decoding from 'lib0/decoding';

/**
 * Reads the client ids in an awareness update without applying it, so the server can refuse a
 * connection that tries to write someone else's presence (a cursor or name it does not own).
 * Format (y-protocols): varuint count, then per entry varuint clientID, varuint clock, varstring state.
 */
export function awarenessClientIds(update: Uint8Array): number[] {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  if (n > 10_000) throw new Error('too many awareness entries');
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(decoding.readVarUint(d));
    decoding.readVarUint(d);
    const state = decoding.readVarString(d);
    if (state !== 'null') JSON.parse(state);
  }
  return ids;
}
