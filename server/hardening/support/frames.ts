/** Frames of the y-websocket protocol, built and read by hand (no provider in between). */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export const MSG = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
export const SYNC = { step1: 0, step2: 1, update: 2 } as const;

function message(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

export const frame = {
  /** Sync step 1 with a state vector (empty: "send me everything"). */
  step1(stateVector: Uint8Array = Y.encodeStateVector(new Y.Doc())): Uint8Array {
    return message((e) => {
      encoding.writeVarUint(e, MSG.sync);
      encoding.writeVarUint(e, SYNC.step1);
      encoding.writeVarUint8Array(e, stateVector);
    });
  },
  step2(update: Uint8Array): Uint8Array {
    return message((e) => {
      encoding.writeVarUint(e, MSG.sync);
      encoding.writeVarUint(e, SYNC.step2);
      encoding.writeVarUint8Array(e, update);
    });
  },
  update(update: Uint8Array): Uint8Array {
    return message((e) => {
      encoding.writeVarUint(e, MSG.sync);
      encoding.writeVarUint(e, SYNC.update);
      encoding.writeVarUint8Array(e, update);
    });
  },
  /** An awareness update with explicit entries (y-protocols format). */
  awareness(entries: Array<{ clientId: number; clock: number; state: unknown }>): Uint8Array {
    const inner = message((e) => {
      encoding.writeVarUint(e, entries.length);
      for (const { clientId, clock, state } of entries) {
        encoding.writeVarUint(e, clientId);
        encoding.writeVarUint(e, clock);
        encoding.writeVarString(e, JSON.stringify(state));
      }
    });
    return message((e) => {
      encoding.writeVarUint(e, MSG.awareness);
      encoding.writeVarUint8Array(e, inner);
    });
  },
  queryAwareness(): Uint8Array {
    return Uint8Array.of(MSG.queryAwareness);
  },
  /** An auth message (accepted and ignored by the server): a valid frame of any size. */
  auth(payloadBytes: number): Uint8Array {
    const out = new Uint8Array(1 + payloadBytes);
    out[0] = MSG.auth;
    return out;
  },
};

export type Kind = 'step1' | 'step2' | 'update' | 'awareness' | 'other';

export function kindOf(m: Uint8Array): Kind {
  try {
    const d = decoding.createDecoder(m);
    const type = decoding.readVarUint(d);
    if (type === MSG.awareness) return 'awareness';
    if (type !== MSG.sync) return 'other';
    const sub = decoding.readVarUint(d);
    return sub === SYNC.step1 ? 'step1' : sub === SYNC.step2 ? 'step2' : sub === SYNC.update ? 'update' : 'other';
  } catch {
    return 'other';
  }
}

/** The y-protocols awareness payload of an awareness frame, decoded. */
export function awarenessEntries(m: Uint8Array): Array<{ clientId: number; clock: number; state: unknown }> {
  const d = decoding.createDecoder(m);
  decoding.readVarUint(d);
  const inner = decoding.createDecoder(decoding.readVarUint8Array(d));
  const n = decoding.readVarUint(inner);
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push({ clientId: decoding.readVarUint(inner), clock: decoding.readVarUint(inner), state: JSON.parse(decoding.readVarString(inner)) });
  }
  return out;
}

/** The Yjs update inside a sync step 2 or update frame. */
export function syncPayload(m: Uint8Array): Uint8Array {
  const d = decoding.createDecoder(m);
  decoding.readVarUint(d);
  decoding.readVarUint(d);
  return decoding.readVarUint8Array(d);
}
