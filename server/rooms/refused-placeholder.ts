import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { decoded, type DecodedUpdate } from './decoded-update';

/** Struct kinds in the v1 update format (Yjs `structGCRefNumber`, `structSkipRefNumber`). */
const GC_STRUCT = 0;
const SKIP_STRUCT = 10;

/**
 * An update of GC structs only, over the clock ranges of `update`'s structs; null when it has none.
 *
 * Why: a refused update still used up its author's clocks. Yjs integrates a client's structs strictly
 * in clock order, so if the server simply dropped the update, every later update from that client would
 * start after a gap and stay pending in the server's doc forever: one refused write (a participant
 * renaming a stage) would silently swallow all of that participant's later card edits. Applying this
 * placeholder instead moves the server's state vector past the refused range without adding anything
 * visible; stored and relayed, it does the same for everyone else. The refused update's deletions are
 * not carried over.
 */
export function refusedPlaceholder(update: Uint8Array | DecodedUpdate): Uint8Array | null {
  const { structs } = decoded(update);
  const ranges = new Map<number, Array<{ clock: number; len: number }>>();
  for (const s of structs) {
    if (s instanceof Y.Skip || s.length <= 0) continue;
    const list = ranges.get(s.id.client) ?? [];
    list.push({ clock: s.id.clock, len: s.length });
    ranges.set(s.id.client, list);
  }
  if (ranges.size === 0) return null;
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, ranges.size);
  for (const [client, list] of ranges) {
    list.sort((a, b) => a.clock - b.clock);
    // One run per client from its first clock: gaps between ranges become Skip structs (not integrated).
    const parts: Array<[kind: number, len: number]> = [];
    let at = list[0].clock;
    for (const { clock, len } of list) {
      const end = clock + len;
      if (end <= at) continue;
      if (clock > at) parts.push([SKIP_STRUCT, clock - at]);
      parts.push([GC_STRUCT, end - Math.max(clock, at)]);
      at = end;
    }
    encoding.writeVarUint(e, parts.length);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, list[0].clock);
    for (const [kind, len] of parts) {
      encoding.writeUint8(e, kind);
      encoding.writeVarUint(e, len);
    }
  }
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}
