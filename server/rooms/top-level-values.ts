import * as Y from 'yjs';

/**
 * The values an update sets directly on a root map (`root.set(key, value)`), read from its bytes:
 * every value set per key, since when one update sets a key several times (or under several client
 * ids) which one Yjs keeps depends on its conflict resolution, so a rule must hold for each of them.
 * A set on a key that already had a value is encoded without parent and key, only with the previous
 * value as its origin, so those are found through the origin. Only items new to the server count:
 * Yjs ignores a struct it already has, whatever the bytes say. Values that are not plain JSON (a
 * nested Y type) come back as `undefined`.
 */
export function topLevelValues(doc: Y.Doc, update: Uint8Array, rootName: string): Map<string, unknown[]> {
  const { structs } = Y.decodeUpdate(update);
  const isNew = (it: Y.Item) => it.id.clock >= Y.getState(doc.store, it.id.client);
  const items = structs.filter((s): s is Y.Item => s instanceof Y.Item && isNew(s));
  const byId = new Map<string, Y.Item>();
  for (const it of items) byId.set(`${it.id.client}:${it.id.clock}`, it);
  const root = doc.getMap<unknown>(rootName);

  const keyOf = (it: Y.Item, depth = 0): string | null => {
    if (depth > 1000) return null;
    if (it.origin) {
      const fromUpdate = byId.get(`${it.origin.client}:${it.origin.clock}`);
      if (fromUpdate) return keyOf(fromUpdate, depth + 1);
      const list = doc.store.clients.get(it.origin.client);
      if (!list || it.origin.clock >= Y.getState(doc.store, it.origin.client)) return null;
      const prev = list[Y.findIndexSS(list, it.origin.clock)];
      return prev instanceof Y.Item && prev.parent === root ? prev.parentSub : null;
    }
    if (it.rightOrigin) return null;
    return typeof it.parent === 'string' && it.parent === rootName ? it.parentSub : null;
  };

  const out = new Map<string, unknown[]>();
  for (const it of items) {
    const key = keyOf(it);
    if (key === null) continue;
    const value = it.content instanceof Y.ContentAny ? it.content.getContent()[0] : undefined;
    const list = out.get(key);
    if (list) list.push(value);
    else out.set(key, [value]);
  }
  return out;
}
