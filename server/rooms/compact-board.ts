import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { ROOT } from '../../shared/doc/schema';
import { DECKS_ROOT } from '../../shared/decks/board-decks';
import { VOTES_ROOT } from '../../shared/commands/votes';

/**
 * "Compact the board" (facilitators, POST /api/boards/:id/compact): the board's document written
 * again without its history. The new document holds a copy of what is visible now (every root, every
 * key, every nested map, array and text with its formatting), written by a client id of its own, as
 * the server's own first write, like a new board's skeleton. Deleted items, their tombstones and
 * everyone's past client ids are gone, so the stored board shrinks to about its visible content.
 *
 * Everyone's old clocks are covered by empty placeholders (GC structs, a few bytes per past client):
 * a client that still holds the old document and sends it again, as a stock y-websocket client does
 * when it reconnects, adds nothing. Yjs sees those clocks as known and skips them, and a later item
 * placed next to an old one lands next to a placeholder and is dropped. Without that, the whole
 * history would come back from the first stale client. Our app drops its local copy (IndexedDB) when
 * told the board was compacted (close code 4205) and loads the new document.
 */

/** Roots of the document format and their types (docs/document-format.md). */
const MAP_ROOTS = [ROOT.meta, ROOT.cards, ROOT.facilitation, ROOT.personas, DECKS_ROOT, VOTES_ROOT];
const ARRAY_ROOTS = [ROOT.stages, ROOT.lanes];

/** A copy of a value that can be put into another document. */
function copy(v: unknown): unknown {
  if (v instanceof Y.AbstractType) return v.clone();
  if (v instanceof Uint8Array) return v.slice();
  return v;
}

/** The new document's state as one update: the same visible content, no history. */
export function rewrittenState(doc: Y.Doc): Uint8Array {
  const old = Y.decodeStateVector(Y.encodeStateVector(doc));
  let fresh = new Y.Doc();
  // A new client id, never one the board has seen: its items must not collide with old clocks.
  while (old.has(fresh.clientID)) fresh = new Y.Doc();
  fresh.transact(() => {
    for (const name of [...doc.share.keys()]) {
      const isArray = ARRAY_ROOTS.includes(name as never);
      const isMap = MAP_ROOTS.includes(name as never);
      // A root that no program of ours names is kept as what it holds: map entries or a list.
      const source = doc.share.get(name)!;
      if (isMap || (!isArray && !(source instanceof Y.Array) && source._map.size > 0)) {
        const from = doc.getMap<unknown>(name);
        const to = fresh.getMap<unknown>(name);
        from.forEach((v, k) => {
          if (!(v instanceof Y.Doc)) to.set(k, copy(v));
        });
      } else if (source instanceof Y.Text) {
        fresh.getText(name).applyDelta(source.toDelta());
      } else {
        const items = doc.getArray<unknown>(name).toArray().filter((v) => !(v instanceof Y.Doc));
        if (items.length > 0) fresh.getArray<unknown>(name).push(items.map(copy));
      }
    }
  });
  Y.applyUpdate(fresh, historyPlaceholder(old));
  const state = Y.encodeStateAsUpdate(fresh);
  fresh.destroy();
  return state;
}

/** An update of one GC struct per client over clocks [0, clock): every old clock known, nothing in it. */
function historyPlaceholder(stateVector: Map<number, number>): Uint8Array {
  const clients = [...stateVector].filter(([, clock]) => clock > 0);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, clients.length);
  for (const [client, clock] of clients) {
    encoding.writeVarUint(e, 1); // one struct
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, 0); // from clock 0
    encoding.writeUint8(e, 0); // GC struct (Yjs structGCRefNumber)
    encoding.writeVarUint(e, clock);
  }
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}
