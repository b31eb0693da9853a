import * as Y from 'yjs';
import { decoded, type DecodedUpdate } from './decoded-update';

/**
 * The items an update brings, as Yjs will see them, for the checks that read an update before it is
 * applied (update-scope.ts: which roots and keys it touches; content-limits.ts: the backup limits).
 * One index and one set of lookups for both, so they cannot disagree about what an id refers to.
 *
 * Yjs ignores a struct whose clocks the server already has, whatever it declares: only structs at or
 * above the server's clock for their client are the update's own ("new"). An id below that clock refers
 * to what the server holds, even when the update carries a struct with that id; an id at or above it
 * refers to one of the update's new items (or to nothing yet: Yjs would wait for it).
 */
export interface UpdateItems {
  structs: Array<Y.Item | Y.GC | Y.Skip>;
  ds: ReturnType<typeof Y.decodeUpdate>['ds'];
  /** New items by client, sorted by clock. */
  own: Map<number, Y.Item[]>;
  /** A struct starts below the server's clock for its client and ends above it (update-scope.ts `overlap`). */
  overlap: boolean;
  stateOf(client: number): number;
  /** The new item of this update holding `id` (any clock within it). */
  findOwn(id: Y.ID): Y.Item | undefined;
  /** The struct of the server's document holding `id`. */
  findInDoc(id: Y.ID): Y.Item | Y.GC | undefined;
  /** What `id` refers to when Yjs integrates: a new item of this update, or what the server has. */
  resolve(id: Y.ID): { own: Y.Item } | { doc: Y.Item | Y.GC } | undefined;
}

export function updateItems(doc: Y.Doc, update: Uint8Array | DecodedUpdate): UpdateItems {
  const { structs, ds } = decoded(update);
  const stateOf = (client: number) => Y.getState(doc.store, client);
  const own = new Map<number, Y.Item[]>();
  let overlap = false;
  for (const s of structs) {
    if (s instanceof Y.Skip) continue;
    const state = stateOf(s.id.client);
    if (s.id.clock < state && s.id.clock + s.length > state) overlap = true;
    if (!(s instanceof Y.Item) || s.id.clock < state) continue;
    const list = own.get(s.id.client);
    if (list) list.push(s);
    else own.set(s.id.client, [s]);
  }
  for (const list of own.values()) list.sort((a, b) => a.id.clock - b.id.clock);

  const findOwn = (id: Y.ID): Y.Item | undefined => {
    const list = own.get(id.client);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const it = list[mid];
      if (id.clock < it.id.clock) hi = mid - 1;
      else if (id.clock >= it.id.clock + it.length) lo = mid + 1;
      else return it;
    }
    return undefined;
  };

  const findInDoc = (id: Y.ID): Y.Item | Y.GC | undefined => {
    if (id.clock >= stateOf(id.client)) return undefined;
    const list = doc.store.clients.get(id.client);
    if (!list) return undefined;
    return list[Y.findIndexSS(list, id.clock)] as Y.Item | Y.GC;
  };

  const resolve = (id: Y.ID): { own: Y.Item } | { doc: Y.Item | Y.GC } | undefined => {
    if (id.clock >= stateOf(id.client)) {
      const n = findOwn(id);
      return n ? { own: n } : undefined;
    }
    const d = findInDoc(id);
    return d ? { doc: d } : undefined;
  };

  return { structs, ds, own, overlap, stateOf, findOwn, findInDoc, resolve };
}
