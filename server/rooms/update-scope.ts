import * as Y from 'yjs';
import { ROOT } from '../../shared/doc/schema';
import { VOTES_ROOT } from '../../shared/commands/votes';
import { DECKS_ROOT } from '../../shared/decks/board-decks';
import { CARD_FIELDS, CARD_TEXT_FIELDS } from './card-shape';
import { updateItems, type UpdateItems } from './update-items';

/**
 * What an incoming update would touch, found from its bytes before it is applied: the root types it
 * writes to and, for top-level maps (`cards`, `votes`…), which keys. Role rules are checked against
 * this, because a Yjs update cannot be taken back once applied.
 *
 * Every new item is judged where Yjs will integrate it, not where it says it goes (docs/roles.md,
 * "Judged as integrated"): an item with a left or right neighbour (origin) lives in that neighbour's
 * parent, whatever else it carries; a parent id that is not a type, or a neighbour that was collected,
 * makes Yjs keep nothing visible. Neighbours and parents are looked up among the update's NEW structs
 * (at or above the server's clock for their client) and otherwise in the server's document: a struct
 * the server already has is ignored by Yjs, so its declared content must not decide anything.
 *
 * Deletes name id ranges, resolved against the server's document. Items already deleted there are
 * skipped: a client's sync message repeats its whole delete set, including other people's deletions.
 */
export interface UpdateScope {
  /** Root type names written to. */
  roots: Set<string>;
  /** Keys of top-level map entries written to, by root (for `cards`: the card ids). */
  keys: Map<string, Set<string>>;
  /** Something could not be traced to a root (references unknown to the server). */
  unknown: boolean;
  /**
   * A struct starts below the server's clock for its client and ends above it. Yjs would integrate
   * its new part next to the client's last item, whatever parent it declares: never accepted.
   */
  overlap: boolean;
  /** A shape no client writes; refused for every role (see `Invalid`). */
  invalid: Invalid | null;
  /**
   * Fields of existing or new cards the update sets or removes, by card id (an idea's `effect` has its
   * own rule: effect-rules.ts). Removing a whole card does not count as writing its fields.
   */
  cardFields: Map<string, Set<string>>;
}

/**
 * - `struct-shape`: a key on a type that is not a map, a map entry without key, or a reference to a
 *   later clock of the item's own client (Yjs throws half-way through such an update).
 * - `card-field`: a card entry key the document format does not have, a nested type where a card has
 *   plain values, or a `cards` entry that is not a card map (no client would show any of it).
 */
export type Invalid = 'struct-shape' | 'card-field';

type Kind = 'map' | 'array' | 'text' | 'other';

/** The kinds of the roots the document format defines (docs/document-format.md). */
const ROOT_KINDS = new Map<string, Kind>([
  [ROOT.meta, 'map'],
  [ROOT.stages, 'array'],
  [ROOT.lanes, 'array'],
  [ROOT.cards, 'map'],
  [ROOT.facilitation, 'map'],
  [ROOT.personas, 'map'],
  [VOTES_ROOT, 'map'],
  [DECKS_ROOT, 'map'],
]);
const rootKind = (name: string): Kind => ROOT_KINDS.get(name) ?? 'other';

/** A type items can live in: a root, or a nested type under a root's top-level key. */
interface TypePlace {
  root: string;
  /** The type is the root itself. */
  isRoot: boolean;
  /** The top-level key the type lives under (null for roots and for types inside arrays). */
  key: string | null;
  /** The type is the value of a top-level entry (a card's map, a stage's map). */
  topEntry: boolean;
  kind: Kind;
}
/** Where an item lands: its parent type and key; 'gone' when Yjs keeps nothing visible; null: unknown. */
type Place = { parent: TypePlace; sub: string | null } | 'gone' | null;

const kindOfType = (t: unknown): Kind =>
  t instanceof Y.Map ? 'map' : t instanceof Y.Array ? 'array' : t instanceof Y.Text ? 'text' : 'other';

const MAX_DEPTH = 10_000;

export function updateScope(doc: Y.Doc, update: Uint8Array, items: UpdateItems = updateItems(doc, update)): UpdateScope {
  // The update's new items and the lookups of what an id refers to (update-items.ts), decoded once
  // by the caller for this and content-limits.ts.
  const { structs, ds, own, overlap, stateOf, resolve } = items;
  const scope: UpdateScope = { roots: new Set(), keys: new Map(), unknown: false, overlap, invalid: null, cardFields: new Map() };

  const docTypePlace = (t: Y.AbstractType<unknown>, depth: number): TypePlace | 'gone' | null => {
    if (depth > MAX_DEPTH) return null;
    const item = t._item;
    if (item === null) {
      const root = Y.findRootTypeKey(t);
      return { root, isRoot: true, key: null, topEntry: false, kind: rootKind(root) };
    }
    return nestedPlace(docItemPlace(item, depth + 1), kindOfType(t));
  };

  /** The place of a type held by an item at `p`. */
  const nestedPlace = (p: Place, kind: Kind): TypePlace | 'gone' | null => {
    if (p === null || p === 'gone') return p;
    return { root: p.parent.root, isRoot: false, key: p.parent.isRoot ? p.sub : p.parent.key, topEntry: p.parent.isRoot, kind };
  };

  const docItemPlace = (item: Y.Item, depth: number): Place => {
    const parent = item.parent as Y.AbstractType<unknown> | null;
    if (!parent) return 'gone';
    const tp = docTypePlace(parent, depth + 1);
    if (tp === null || tp === 'gone') return tp;
    return { parent: tp, sub: item.parentSub };
  };

  const memo = new Map<Y.Item, Place>();
  /** Where a new item of this update lands, as Yjs will integrate it (Item.getMissing). */
  const ownPlace = (item: Y.Item, depth = 0): Place => {
    if (memo.has(item)) return memo.get(item)!;
    if (depth > MAX_DEPTH) return null;
    memo.set(item, null); // a cycle of references is untraceable
    const result = computeOwnPlace(item, depth);
    memo.set(item, result);
    return result;
  };

  const computeOwnPlace = (item: Y.Item, depth: number): Place => {
    if (item.origin || item.rightOrigin) {
      const left = item.origin ? resolve(item.origin) : undefined;
      const right = item.rightOrigin ? resolve(item.rightOrigin) : undefined;
      // Yjs waits for a neighbour it does not have: the update stays pending and is dropped.
      if ((item.origin && !left) || (item.rightOrigin && !right)) return null;
      if ((left && 'doc' in left && left.doc instanceof Y.GC) || (right && 'doc' in right && right.doc instanceof Y.GC)) return 'gone';
      const n = (left ?? right)!;
      return 'own' in n ? ownPlace(n.own, depth + 1) : docItemPlace(n.doc as Y.Item, depth + 1);
    }
    const parent = item.parent as unknown;
    if (typeof parent === 'string') {
      return { parent: { root: parent, isRoot: true, key: null, topEntry: false, kind: rootKind(parent) }, sub: item.parentSub };
    }
    if (!(parent instanceof Y.ID)) return null;
    const p = resolve(parent);
    if (!p) return null;
    if ('doc' in p) {
      // Yjs takes `content.type` of the parent item: anything but a type leaves the item collected.
      if (!(p.doc instanceof Y.Item) || !(p.doc.content instanceof Y.ContentType)) return 'gone';
      const tp = docTypePlace(p.doc.content.type as Y.AbstractType<unknown>, depth + 1);
      if (tp === null || tp === 'gone') return tp;
      return { parent: tp, sub: item.parentSub };
    }
    if (!(p.own.content instanceof Y.ContentType)) return 'gone';
    const tp = nestedPlace(ownPlace(p.own, depth + 1), kindOfType(p.own.content.type));
    if (tp === null || tp === 'gone') return tp;
    return { parent: tp, sub: item.parentSub };
  };

  const invalid = (why: Invalid) => {
    if (!scope.invalid) scope.invalid = why;
  };

  /** Shape checks on a new item at its real place. */
  const checkShape = (item: Y.Item, p: Place) => {
    // A reference to the item's own client is only ever to an earlier clock: Yjs integrates a
    // client's structs in clock order and throws half-way through the update otherwise.
    for (const ref of [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null]) {
      if (ref && ref.client === item.id.client && ref.clock >= item.id.clock) invalid('struct-shape');
    }
    // Deleted content (a client's copy of something already removed) shows nothing wherever it is.
    if (p === null || p === 'gone' || item.content instanceof Y.ContentDeleted) return;
    const { parent, sub } = p;
    if (parent.kind !== 'other' && (sub !== null) !== (parent.kind === 'map')) invalid('struct-shape');
    if (parent.root !== ROOT.cards) return;
    if (parent.isRoot) {
      // A `cards` entry is a card: a Y.Map.
      if (!(item.content instanceof Y.ContentType) || !(item.content.type instanceof Y.Map)) invalid('card-field');
    } else if (parent.topEntry) {
      // A card's own keys: the format's fields only; a nested type only for its texts.
      if (sub === null || !CARD_FIELDS.has(sub)) invalid('card-field');
      else if (item.content instanceof Y.ContentType && !(CARD_TEXT_FIELDS.has(sub) && item.content.type instanceof Y.Text)) invalid('card-field');
    }
  };

  const record = (p: Place, deleted?: Y.Item) => {
    if (p === 'gone') return;
    if (!p) {
      scope.unknown = true;
      return;
    }
    const { root } = p.parent;
    const key = p.parent.isRoot ? p.sub : p.parent.key;
    scope.roots.add(root);
    if (key !== null) {
      let set = scope.keys.get(root);
      if (!set) scope.keys.set(root, (set = new Set()));
      set.add(key);
    }
    if (root === ROOT.cards && p.parent.topEntry && key !== null && p.sub !== null && !(deleted && cardGoesToo(deleted))) {
      let fields = scope.cardFields.get(key);
      if (!fields) scope.cardFields.set(key, (fields = new Set()));
      fields.add(p.sub);
    }
  };
  /** A card field deleted because its whole card is deleted (Yjs deletes a map's entries with it). */
  const cardGoesToo = (field: Y.Item): boolean => {
    const card = (field.parent as Y.AbstractType<unknown> | null)?._item;
    if (!card) return false;
    if (card.deleted) return true;
    return (ds.clients.get(card.id.client) ?? []).some((r) => card.id.clock >= r.clock && card.id.clock < r.clock + r.len);
  };

  // Structs the server already has change nothing: a client that merged its saved copy before
  // connecting sends the whole board back, and must not be refused for the parts it did not write.
  // GC and Skip structs carry no content: nothing visible can change through them.
  for (const list of own.values()) {
    for (const it of list) {
      const p = ownPlace(it);
      checkShape(it, p);
      record(p);
    }
  }

  // Clock spans of every new struct the update brings (items and GC), sorted, by client.
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
      // New items of this very update deleted by it.
      for (const it of own.get(client) ?? []) {
        if (it.id.clock < end && it.id.clock + it.length > clock) record(ownPlace(it));
      }
      const list = doc.store.clients.get(client);
      const known = stateOf(client);
      // Deleting clocks that neither the server nor this update has: Yjs would keep the deletion pending
      // and apply it to whatever is written there later (say, the facilitator's next stage).
      if (end > known && !broughtByUpdate(client, Math.max(clock, known), end)) scope.unknown = true;
      if (clock >= known) continue; // the rest is covered by the update's own items
      if (!list) continue;
      for (let i = Y.findIndexSS(list, clock); i < list.length; i++) {
        const st = list[i];
        if (st.id.clock >= end) break;
        if (st instanceof Y.Item && !st.deleted) record(docItemPlace(st, 0), st);
      }
    }
  }
  return scope;
}
