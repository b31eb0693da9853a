import * as Y from 'yjs';

/**
 * What an incoming update would touch, found from its bytes before it is applied: the root types it
 * writes to and, for the `cards` root, which card ids. Role rules are checked against this, because a
 * Yjs update cannot be taken back once applied.
 *
 * Each inserted item names its parent (a root name, or the id of the item holding its parent type) or
 * else an origin neighbour that shares its parent. Deletes name id ranges, resolved against the
 * server's document. Items already deleted there are skipped: a client's sync message repeats its
 * whole delete set, including other people's old deletions.
 */
export interface UpdateScope {
  /** Root type names written to. */
  roots: Set<string>;
  /** Keys of top-level map entries written to, by root (for `cards`: the card ids). */
  keys: Map<string, Set<string>>;
  /** Something could not be traced to a root (references unknown to the server). */
  unknown: boolean;
}

/** Where an item lives; 'gone' when its parent was deleted and collected (the write can show nothing). */
type Where = { root: string; key: string | null } | 'gone' | null;

export function updateScope(doc: Y.Doc, update: Uint8Array): UpdateScope {
  const { structs, ds } = Y.decodeUpdate(update);
  const scope: UpdateScope = { roots: new Set(), keys: new Map(), unknown: false };

  // Items of this update by client, sorted by clock, for range lookups.
  const own = new Map<number, Y.Item[]>();
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
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
    if (id.clock >= Y.getState(doc.store, id.client)) return undefined;
    const list = doc.store.clients.get(id.client);
    if (!list) return undefined;
    return list[Y.findIndexSS(list, id.clock)] as Y.Item | Y.GC;
  };

  /** Root and top-level key of an item integrated in the server's document. */
  const whereInDoc = (item: Y.Item): Where => {
    let it: Y.Item = item;
    for (;;) {
      const parent = it.parent as Y.AbstractType<unknown> | null;
      if (!parent) return null;
      if (parent._item === null) return { root: Y.findRootTypeKey(parent), key: it.parentSub };
      it = parent._item;
    }
  };

  const memo = new Map<Y.Item, Where>();
  /** Root and top-level key of an item decoded from the update (not integrated). */
  const whereOwn = (item: Y.Item, depth = 0): Where => {
    if (memo.has(item)) return memo.get(item)!;
    if (depth > 10_000) return null;
    let result: Where = null;
    const parent = item.parent as unknown;
    if (typeof parent === 'string') {
      result = { root: parent, key: item.parentSub };
    } else if (parent instanceof Y.ID) {
      result = whereOfParentId(parent, depth);
    } else {
      // No parent written: it lives next to its origin (or right origin), in the same parent.
      const neighbourId = item.origin ?? item.rightOrigin;
      if (neighbourId) {
        const n = findOwn(neighbourId);
        if (n) result = whereOwn(n, depth + 1);
        else {
          result = whereOfDocStruct(findInDoc(neighbourId));
        }
      }
    }
    memo.set(item, result);
    return result;
  };

  /** The item whose content is the parent type: its children sit under the same root and key. */
  const whereOfParentId = (parentId: Y.ID, depth: number): Where => {
    const n = findOwn(parentId);
    if (n) return whereOwn(n, depth + 1);
    return whereOfDocStruct(findInDoc(parentId));
  };

  const whereOfDocStruct = (d: Y.Item | Y.GC | undefined): Where =>
    d instanceof Y.Item ? whereInDoc(d) : d instanceof Y.GC ? 'gone' : null;

  const record = (w: Where) => {
    if (w === 'gone') return;
    if (!w) {
      scope.unknown = true;
      return;
    }
    scope.roots.add(w.root);
    if (w.key !== null) {
      let set = scope.keys.get(w.root);
      if (!set) scope.keys.set(w.root, (set = new Set()));
      set.add(w.key);
    }
  };

  for (const s of structs) {
    // Items the server already has change nothing: a client that merged its saved copy before
    // connecting sends the whole board back, and must not be refused for the parts it did not write.
    if (s instanceof Y.Item && s.id.clock + s.length > Y.getState(doc.store, s.id.client)) record(whereOwn(s));
    // GC and Skip structs carry no content: nothing visible can change through them.
  }

  // Clock spans of every struct the update brings (items and GC), sorted, by client.
  const spans = new Map<number, Array<[number, number]>>();
  for (const s of structs) {
    if (s instanceof Y.Skip) continue;
    const list = spans.get(s.id.client) ?? [];
    list.push([s.id.clock, s.id.clock + s.length]);
    spans.set(s.id.client, list);
  }
  for (const list of spans.values()) list.sort((a, b) => a[0] - b[0]);
  const broughtByUpdate = (client: number, from: number, to: number): boolean => {
    let at = from;
    for (const [a, b] of spans.get(client) ?? []) {
      if (a > at) break;
      if (b > at) at = b;
    }
    return at >= to;
  };

  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      const end = clock + len;
      // Items of this very update deleted by it.
      for (const it of own.get(client) ?? []) {
        if (it.id.clock < end && it.id.clock + it.length > clock) record(whereOwn(it));
      }
      const list = doc.store.clients.get(client);
      const known = Y.getState(doc.store, client);
      // Deleting clocks that neither the server nor this update has: Yjs would keep the deletion pending
      // and apply it to whatever is written there later (say, the facilitator's next stage).
      if (end > known && !broughtByUpdate(client, Math.max(clock, known), end)) scope.unknown = true;
      if (clock >= known) continue; // the rest is covered by the update's own items
      if (!list) continue;
      for (let i = Y.findIndexSS(list, clock); i < list.length; i++) {
        const st = list[i];
        if (st.id.clock >= end) break;
        if (st instanceof Y.Item && !st.deleted) record(whereInDoc(st));
      }
    }
  }
  return scope;
}
