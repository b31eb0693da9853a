import * as Y from 'yjs';
import { ROOT } from '../doc/schema';
import { DECKS_ROOT } from '../decks/board-decks';
import { VOTES_ROOT } from '../commands/votes';
import { SESSION_KEYS } from '../backup/fresh-workshop';

/**
 * Turns a live board's document back into a checkpoint's content, as ordinary edits (Yjs has no
 * revert): what differs is set, what the checkpoint lacks is deleted, what it has and the board lacks is
 * written again, all in one transaction so everyone sees one change. Items that did not change are left
 * alone (a card nobody touched keeps its Y.Map; an edited text is patched, not rewritten), so a client
 * editing elsewhere meanwhile keeps its work.
 *
 * The board's roots (meta, stages, lanes, cards, facilitation, personas, decks, votes) are reverted; the
 * facilitation keys of the session that is running (timer, agenda step, spotlight, summon, projected
 * insight: SESSION_KEYS) stay as they are now, since the workshop goes on from here. Stages and lanes
 * are arrays: one that differs is written again whole (ids kept, so cards find their cells).
 */
const ARRAY_ROOTS: readonly string[] = [ROOT.stages, ROOT.lanes];
/** Every other root of the document format is a map (a root added to ROOT later is reverted too). */
const MAP_ROOTS: readonly string[] = [...Object.values(ROOT).filter((r) => !ARRAY_ROOTS.includes(r)), DECKS_ROOT, VOTES_ROOT];

export function revertDocTo(doc: Y.Doc, target: Y.Doc, origin: unknown): void {
  const keepNow = new Set<string>(SESSION_KEYS);
  doc.transact(() => {
    for (const name of MAP_ROOTS) syncMap(doc.getMap(name), target.getMap(name), name === ROOT.facilitation ? keepNow : undefined);
    for (const name of ARRAY_ROOTS) syncArray(doc.getArray(name), target.getArray(name));
  }, origin);
}

function syncMap(cur: Y.Map<unknown>, tgt: Y.Map<unknown>, keep?: ReadonlySet<string>): void {
  for (const key of [...cur.keys()]) if (!tgt.has(key) && !keep?.has(key)) cur.delete(key);
  tgt.forEach((want, key) => {
    if (keep?.has(key)) return;
    const have = cur.get(key);
    if (want instanceof Y.Map && have instanceof Y.Map) syncMap(have, want);
    else if (want instanceof Y.Text && have instanceof Y.Text) syncText(have, want.toString());
    else if (want instanceof Y.Array && have instanceof Y.Array) syncArray(have, want);
    else if (want instanceof Y.AbstractType || have instanceof Y.AbstractType || !sameJson(have, want)) cur.set(key, copyOf(want));
  });
}

function syncArray(cur: Y.Array<unknown>, tgt: Y.Array<unknown>): void {
  if (sameJson(cur.toJSON(), tgt.toJSON())) return;
  cur.delete(0, cur.length);
  cur.insert(0, tgt.toArray().map(copyOf));
}

/** Patches `text` into `want` between their common start and end: a small edit stays a small edit. */
function syncText(text: Y.Text, want: string): void {
  const have = text.toString();
  if (have === want) return;
  let start = 0;
  while (start < have.length && start < want.length && have[start] === want[start]) start++;
  let end = 0;
  while (end < have.length - start && end < want.length - start && have[have.length - 1 - end] === want[want.length - 1 - end]) end++;
  // Never split a surrogate pair (an emoji): widen the changed part to whole characters.
  if (start > 0 && isHigh(have.charCodeAt(start - 1))) start--;
  if (end > 0 && isLow(have.charCodeAt(have.length - end))) end--;
  text.delete(start, have.length - start - end);
  text.insert(start, want.slice(start, want.length - end));
}

/** A fresh copy of a value of another document (a Yjs type cannot be in two documents). */
function copyOf(v: unknown): unknown {
  if (v instanceof Y.Text) {
    const t = new Y.Text();
    t.insert(0, v.toString());
    return t;
  }
  if (v instanceof Y.Map) {
    const m = new Y.Map<unknown>();
    v.forEach((x, k) => m.set(k, copyOf(x)));
    return m;
  }
  if (v instanceof Y.Array) {
    const a = new Y.Array<unknown>();
    a.insert(0, v.toArray().map(copyOf));
    return a;
  }
  return v;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
