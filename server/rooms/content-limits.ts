import * as Y from 'yjs';
import { MAX_BACKUP_AXIS_ITEMS, MAX_BACKUP_CARDS, MAX_BACKUP_DECK_CHARS } from '../../shared/backup/backup-schema';
import { readAxis } from '../../shared/doc/read';
import { MAX_CARD_TEXT_LENGTH, MAX_EFFECT_PCT, MAX_TITLE_LENGTH, MIN_EFFECT_PCT, ROOT } from '../../shared/doc/schema';
import { DECKS_ROOT } from '../../shared/decks/board-decks';
import { ACTIVE_PERSONA_KEY, MAX_PERSONAS, isPersonaValue } from '../../shared/personas/persona-schema';
import { updateItems, type UpdateItems } from './update-items';

/**
 * The limits a backup import checks (shared/backup/backup-schema.ts), checked on every write too, so
 * that any board the server holds also backs up and restores: card texts and answers of at most 4,000
 * characters, the card fields' lengths and ranges, card ids, at most 10,000 cards and 50 stages and
 * lanes, titles of 120 characters, deck files of 512 Ki characters, plain JSON in `facilitation`.
 *
 * Like update-scope.ts this reads the update's bytes before it is applied (a Yjs update cannot be
 * taken back), through the same index of its new items (update-items.ts): a struct the server already
 * has is skipped by Yjs, so it must not decide where a new item goes (a resent text struct declared as
 * something else once hid 100 characters added to a full card text). A text's length after the update is computed exactly from what the server holds: its
 * current length, minus the characters the update deletes, plus those it inserts. Inserted characters
 * that the same update deletes again are not counted.
 *
 * No string or key may hold control characters other than tab, newline and carriage return: JSON spells
 * each of them in six bytes, and the import size limit relies on a backup being at most a few times the
 * size of the document (docs/configuration.md, MAX_DOC_BYTES). The app never writes them.
 */
export type ContentRefusal = 'content-limit';

/** C0 controls except tab, newline, carriage return. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

type Parent = { root: string } | { item: Y.ID };
interface Place {
  parent: Parent;
  /** Map key (null inside arrays and texts). */
  sub: string | null;
}

/** What a card's field may hold so that the backup schema accepts what readCard makes of it. */
const CARD_FIELDS: Record<string, (v: unknown) => boolean> = {
  kind: (v) => typeof v !== 'string' || v.length <= 32,
  stage: (v) => typeof v !== 'string' || v.length <= 64,
  lane: (v) => typeof v !== 'string' || v.length <= 64,
  order: (v) => typeof v !== 'string' || (v.length >= 1 && v.length <= 128),
  color: () => true, // readCard replaces anything but #rrggbb
  author: (v) => typeof v !== 'string' || v.length <= MAX_TITLE_LENGTH,
  createdAt: (v) => typeof v !== 'number' || Number.isFinite(v),
  ownerId: (v) => typeof v !== 'string' || v.length <= 64,
  deckCardId: (v) => typeof v !== 'string' || v.length <= 200,
  valence: (v) => typeof v !== 'number' || !Number.isFinite(v) || (v >= -2 && v <= 2),
  moment: (v) => typeof v !== 'string' || v.length <= 32,
  text: (v) => typeof v !== 'string' || v.length <= MAX_CARD_TEXT_LENGTH,
  answer: (v) => typeof v !== 'string' || v.length <= MAX_CARD_TEXT_LENGTH,
  // Only numbers: readCard ignores anything else, and the backup schema would refuse it.
  effect: (v) => v === undefined || (typeof v === 'number' && v >= MIN_EFFECT_PCT && v <= MAX_EFFECT_PCT),
  persona: (v) => typeof v !== 'string' || (v.length >= 1 && v.length <= 64),
};

/** Plain JSON (what z.json() accepts): no non-finite numbers at any depth. */
function isJson(v: unknown, depth = 0): boolean {
  if (depth > 100) return false;
  if (v === null || typeof v === 'boolean') return true;
  if (typeof v === 'string') return !CONTROL.test(v);
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => isJson(x, depth + 1));
  if (typeof v === 'object' && !(v instanceof Uint8Array)) return Object.values(v as object).every((x) => x === undefined || isJson(x, depth + 1));
  return false;
}

/** The value a map entry item sets (undefined for nested types and other content). */
function valueOf(item: Y.Item): unknown {
  const c = item.content;
  if (c instanceof Y.ContentAny || c instanceof Y.ContentJSON) return c.getContent().at(-1);
  if (c instanceof Y.ContentBinary) return c.getContent()[0];
  return undefined;
}

const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;

/** Checks an update against the backup limits; null when it keeps the board within them. */
export function checkContentLimits(doc: Y.Doc, update: Uint8Array, items: UpdateItems = updateItems(doc, update)): ContentRefusal | null {
  // The update's new items and what an id refers to, as update-scope.ts sees them (update-items.ts).
  const { ds, own: byClient, findOwn, findInDoc } = items;
  const own = [...byClient.values()].flat();
  const placeInDoc = (it: Y.Item): Place | null => {
    const t = it.parent as Y.AbstractType<unknown> | null;
    if (!t) return null;
    return { parent: t._item ? { item: t._item.id } : { root: Y.findRootTypeKey(t) }, sub: it.parentSub };
  };
  const memo = new Map<Y.Item, Place | null>();
  const placeOwn = (it: Y.Item, depth = 0): Place | null => {
    if (memo.has(it)) return memo.get(it)!;
    let p: Place | null = null;
    if (typeof it.parent === 'string') p = { parent: { root: it.parent }, sub: it.parentSub };
    else if (it.parent instanceof Y.ID) p = { parent: { item: it.parent }, sub: it.parentSub };
    else if (depth < 10_000) {
      const n = it.origin ?? it.rightOrigin;
      const mine = n && findOwn(n);
      const theirs = n && !mine ? findInDoc(n) : undefined;
      p = mine ? placeOwn(mine, depth + 1) : theirs instanceof Y.Item ? placeInDoc(theirs) : null;
    }
    memo.set(it, p);
    return p;
  };
  /** The item whose content is the type `parent` names, and where that item sits. */
  const container = (parent: Parent): { item: Y.Item; place: Place | null; inDoc: boolean } | null => {
    if ('root' in parent) return null;
    const mine = findOwn(parent.item);
    if (mine) return { item: mine, place: placeOwn(mine), inDoc: false };
    const theirs = findInDoc(parent.item);
    return theirs instanceof Y.Item ? { item: theirs, place: placeInDoc(theirs), inDoc: true } : null;
  };
  const isRoot = (p: Place | null, name: string) => !!p && 'root' in p.parent && p.parent.root === name;
  /** A card's text or answer: the Y.Text's container sits in a card map under `text`/`answer`. */
  const cardTextOf = (parent: Parent) => {
    const c = container(parent);
    if (!c || (c.place?.sub !== 'text' && c.place?.sub !== 'answer')) return null;
    const card = c.place && container(c.place.parent);
    return card && isRoot(card.place, ROOT.cards) ? c : null;
  };

  const textGrowth = new Map<string, { c: { item: Y.Item; inDoc: boolean }; delta: number }>();
  const grow = (c: { item: Y.Item; inDoc: boolean }, n: number) => {
    const k = idKey(c.item.id);
    const e = textGrowth.get(k) ?? { c, delta: 0 };
    e.delta += n;
    textGrowth.set(k, e);
  };
  const newCards = new Set<string>();
  const newPersonas = new Set<string>();
  const personas = doc.getMap<unknown>(ROOT.personas);
  const axisGrowth = new Map<string, number>();
  const cards = doc.getMap<unknown>(ROOT.cards);

  for (const it of own) {
    const place = placeOwn(it);
    if (!place) continue; // untraceable: update-scope.ts decides about those
    const { parent, sub } = place;
    const v = valueOf(it);
    if ((sub !== null && CONTROL.test(sub)) || (it.content instanceof Y.ContentString && CONTROL.test(it.content.str))) return 'content-limit';
    if (typeof v === 'string' && CONTROL.test(v)) return 'content-limit';
    if ('root' in parent) {
      if (parent.root === ROOT.cards && sub !== null) {
        if (sub.length < 1 || sub.length > 64) return 'content-limit';
        if (!cards.has(sub)) newCards.add(sub);
      } else if ((parent.root === ROOT.stages || parent.root === ROOT.lanes) && it.content instanceof Y.ContentType) {
        axisGrowth.set(parent.root, (axisGrowth.get(parent.root) ?? 0) + 1);
      } else if (parent.root === ROOT.meta && sub === 'title') {
        if (typeof v === 'string' && v.length > MAX_TITLE_LENGTH) return 'content-limit';
      } else if (parent.root === ROOT.meta && sub === 'createdAt') {
        if (typeof v === 'number' && !Number.isFinite(v)) return 'content-limit';
      } else if (parent.root === ROOT.personas) {
        // A persona is one plain object, written whole, in the backup's shape and lengths. A value the
        // writer has already overwritten comes as deleted content, which shows nothing.
        if (it.content instanceof Y.ContentDeleted) continue;
        if (sub === null || !isPersonaValue(sub, v)) return 'content-limit';
        if (!personas.has(sub)) newPersonas.add(sub);
      } else if (parent.root === DECKS_ROOT) {
        if (typeof v === 'string' && v.length > MAX_BACKUP_DECK_CHARS) return 'content-limit';
      } else if (parent.root === ROOT.facilitation) {
        if (it.content instanceof Y.ContentDoc) return 'content-limit';
        if (v !== undefined && !(v instanceof Uint8Array) && !isJson(v)) return 'content-limit';
        if (sub === ACTIVE_PERSONA_KEY && v !== undefined && !(typeof v === 'string' && v.length >= 1 && v.length <= 64)) return 'content-limit';
      }
      continue;
    }
    const holder = container(parent);
    if (!holder) continue;
    if (sub !== null && isRoot(holder.place, ROOT.cards)) {
      // A field of a card.
      const rule = CARD_FIELDS[sub];
      if (rule && !rule(v)) return 'content-limit';
      continue;
    }
    if (sub !== null && (isRoot(holder.place, ROOT.stages) || isRoot(holder.place, ROOT.lanes))) {
      if (sub === 'title' && typeof v === 'string' && v.length > MAX_TITLE_LENGTH) return 'content-limit';
      if (sub === 'id' && typeof v === 'string' && v.length > 64) return 'content-limit';
      continue;
    }
    if (sub === null) {
      const text = cardTextOf(parent);
      if (text && it.countable) grow(text, it.length);
    }
  }

  // Deletions: characters and stages or lanes that go away.
  for (const [client, ranges] of ds.clients) {
    const list = doc.store.clients.get(client);
    const known = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      const end = clock + len;
      const overlap = (it: Y.Item) => Math.min(end, it.id.clock + it.length) - Math.max(clock, it.id.clock);
      for (const it of byClient.get(client) ?? []) {
        if (!it.countable || it.id.clock >= end || it.id.clock + it.length <= clock) continue;
        const p = placeOwn(it);
        const text = p && p.sub === null && cardTextOf(p.parent);
        if (text) grow(text, -overlap(it));
      }
      if (!list || clock >= known) continue;
      for (let i = Y.findIndexSS(list, clock); i < list.length; i++) {
        const st = list[i];
        if (st.id.clock >= end) break;
        if (!(st instanceof Y.Item) || st.deleted || !st.countable) continue;
        const p = placeInDoc(st);
        if (!p) continue;
        if (isRoot(p, ROOT.stages) || isRoot(p, ROOT.lanes)) {
          const axis = (p.parent as { root: string }).root;
          axisGrowth.set(axis, (axisGrowth.get(axis) ?? 0) - 1);
        } else if (p.sub === null) {
          const text = cardTextOf(p.parent);
          if (text) grow(text, -overlap(st));
        }
      }
    }
  }

  if (newCards.size > 0 && cards.size + newCards.size > MAX_BACKUP_CARDS) return 'content-limit';
  if (newPersonas.size > 0 && personas.size + newPersonas.size > MAX_PERSONAS) return 'content-limit';
  for (const [axis, n] of axisGrowth) {
    if (n > 0 && readAxis(doc.getArray<Y.Map<unknown>>(axis)).length + n > MAX_BACKUP_AXIS_ITEMS) return 'content-limit';
  }
  for (const { c, delta } of textGrowth.values()) {
    if (delta <= 0) continue;
    const current = c.inDoc && c.item.content instanceof Y.ContentType && c.item.content.type instanceof Y.Text ? c.item.content.type.length : 0;
    if (current + delta > MAX_CARD_TEXT_LENGTH) return 'content-limit';
  }
  return null;
}
