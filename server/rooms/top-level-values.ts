import * as Y from 'yjs';

/**
 * The values an update sets directly on a root map (`root.set(key, value)`), read from its bytes.
 * A set on a key that already had a value is encoded without parent and key, only with the previous
 * value as its origin, so those are found through the origin. Values that are not plain JSON (a nested
 * Y type) come back as `undefined`. When an update sets a key more than once, the newest set wins.
 */
export function topLevelValues(doc: Y.Doc, update: Uint8Array, rootName: string): Map<string, unknown> {
  const { structs } = Y.decodeUpdate(update);
  const items = structs.filter((s): s is Y.Item => s instanceof Y.Item);
  const byId = new Map<string, Y.Item>();
  for (const it of items) byId.set(`${it.id.client}:${it.id.clock}`, it);
  const root = doc.getMap<unknown>(rootName);

  const keyOf = (it: Y.Item, depth = 0): string | null => {
    if (depth > 1000) return null;
    if (typeof it.parent === 'string') return it.parent === rootName ? it.parentSub : null;
    if (it.parent !== null || !it.origin) return null;
    const fromUpdate = byId.get(`${it.origin.client}:${it.origin.clock}`);
    if (fromUpdate) return keyOf(fromUpdate, depth + 1);
    const list = doc.store.clients.get(it.origin.client);
    if (!list || it.origin.clock >= Y.getState(doc.store, it.origin.client)) return null;
    const prev = list[Y.findIndexSS(list, it.origin.clock)];
    return prev instanceof Y.Item && prev.parent === root ? prev.parentSub : null;
  };

  const newest = new Map<string, Y.Item>();
  for (const it of items) {
    const key = keyOf(it);
    if (key === null) continue;
    const seen = newest.get(key);
    if (!seen || it.id.clock > seen.id.clock) newest.set(key, it);
  }
  const out = new Map<string, unknown>();
  for (const [key, it] of newest) out.set(key, it.content instanceof Y.ContentAny ? it.content.getContent()[0] : undefined);
  return out;
}
