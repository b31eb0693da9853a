import * as Y from 'yjs';

/**
 * An update's bytes with its structs and delete set, decoded once for every check that reads it
 * (size, client ids, scope, content limits, the refusal placeholder). A 400 KiB update of big cards
 * took a few milliseconds to decode each time, and it was decoded four times before being applied.
 * The structs are read, never changed.
 */
export interface DecodedUpdate {
  bytes: Uint8Array;
  structs: Array<Y.Item | Y.GC | Y.Skip>;
  ds: ReturnType<typeof Y.decodeUpdate>['ds'];
}

export function decodeUpdate(bytes: Uint8Array): DecodedUpdate {
  const { structs, ds } = Y.decodeUpdate(bytes);
  return { bytes, structs, ds };
}

/** The decoded form of `u`, decoding it if the caller has not. */
export function decoded(u: Uint8Array | DecodedUpdate): DecodedUpdate {
  return u instanceof Uint8Array ? decodeUpdate(u) : u;
}
