/**
 * Yjs updates built struct by struct, with any id, clock, parent, origin and content: the shapes a
 * hand-made client can send and a stock one never does (overlapping clocks, foreign client ids,
 * lying parents).
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** Item content as Yjs constructs it (its abstract base class is not exported). */
export type Content = Y.ContentAny | Y.ContentString | Y.ContentType | Y.ContentDeleted;

export type StructSpec =
  | {
      client: number;
      clock: number;
      /** A root name or the id of the item holding the parent type; written only without origins. */
      parent?: string | Y.ID;
      parentSub?: string | null;
      origin?: Y.ID | null;
      rightOrigin?: Y.ID | null;
      content: Content;
    }
  | { client: number; clock: number; gc: number };

/** Encodes the structs (by client, in clock order, gaps written as Skips) and a delete set. */
export function buildUpdate(specs: StructSpec[], deletes: Array<{ client: number; clock: number; len: number }> = []): Uint8Array {
  const enc = new Y.UpdateEncoderV1();
  const byClient = new Map<number, StructSpec[]>();
  for (const s of specs) byClient.set(s.client, [...(byClient.get(s.client) ?? []), s]);
  encoding.writeVarUint(enc.restEncoder, byClient.size);
  for (const [client, list] of byClient) {
    list.sort((a, b) => a.clock - b.clock);
    encoding.writeVarUint(enc.restEncoder, list.length + gaps(list));
    enc.writeClient(client);
    encoding.writeVarUint(enc.restEncoder, list[0].clock);
    let next = list[0].clock;
    for (const s of list) {
      // A gap between two structs of one client is a Skip, as Yjs writes it; without one the decoder
      // would give the later struct the clock right after the earlier one.
      if (s.clock > next) new Y.Skip(Y.createID(client, next), s.clock - next).write(enc, 0);
      next = Math.max(next, s.clock + ('gc' in s ? s.gc : s.content.getLength()));
      const id = Y.createID(client, s.clock);
      if ('gc' in s) new Y.GC(id, s.gc).write(enc, 0);
      else {
        const item = new Y.Item(id, null, s.origin ?? null, null, s.rightOrigin ?? null, (s.parent ?? null) as never, s.parentSub ?? null, s.content);
        item.write(enc, 0);
      }
    }
  }
  const ds = new Map<number, Array<{ clock: number; len: number }>>();
  for (const d of deletes) ds.set(d.client, [...(ds.get(d.client) ?? []), d]);
  encoding.writeVarUint(enc.restEncoder, ds.size);
  for (const [client, ranges] of ds) {
    enc.resetDsCurVal();
    encoding.writeVarUint(enc.restEncoder, client);
    encoding.writeVarUint(enc.restEncoder, ranges.length);
    for (const r of ranges) {
      enc.writeDsClock(r.clock);
      enc.writeDsLen(r.len);
    }
  }
  return enc.toUint8Array();
}

/** Gaps between consecutive structs of one client (each written as a Skip). */
function gaps(list: StructSpec[]): number {
  let n = 0;
  let next = list[0].clock;
  for (const s of list) {
    if (s.clock > next) n++;
    next = Math.max(next, s.clock + ('gc' in s ? s.gc : s.content.getLength()));
  }
  return n;
}

/** Plain values, as `map.set(key, value)` writes them. */
export const any = (...values: unknown[]) => new Y.ContentAny(values);
export const text = (s: string) => new Y.ContentString(s);
export const newMap = () => new Y.ContentType(new Y.Map());

/** The last struct a client has in a doc: its id and length (throws when it has none). */
export function lastStruct(doc: Y.Doc, client: number): { clock: number; length: number; item: Y.Item | Y.GC } {
  const list = doc.store.clients.get(client);
  if (!list || list.length === 0) throw new Error(`client ${client} has nothing`);
  const s = list[list.length - 1] as Y.Item | Y.GC;
  return { clock: s.id.clock, length: s.length, item: s };
}
