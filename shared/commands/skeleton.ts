import * as Y from 'yjs';
import { axisItemMap, roots } from '../doc/board-doc';
import { LOCAL_ORIGIN } from '../doc/origin';
import { randomId } from '../doc/ids';
import { MAX_TITLE_LENGTH, type Axis } from '../doc/schema';

/**
 * Stages and lanes (the skeleton). Only facilitators may write these; the server enforces it.
 * Both axes behave the same, so one set of commands serves both.
 */
function axis(doc: Y.Doc, which: Axis): Y.Array<Y.Map<unknown>> {
  return which === 'stages' ? roots(doc).stages : roots(doc).lanes;
}

function indexOfId(arr: Y.Array<Y.Map<unknown>>, id: string): number {
  return arr.toArray().findIndex((m) => m instanceof Y.Map && m.get('id') === id);
}

export function addAxisItem(doc: Y.Doc, which: Axis, title: string, index?: number): string {
  const id = randomId(9);
  const arr = axis(doc, which);
  doc.transact(() => {
    const at = index === undefined ? arr.length : Math.max(0, Math.min(index, arr.length));
    arr.insert(at, [axisItemMap(id, title.slice(0, MAX_TITLE_LENGTH))]);
  }, LOCAL_ORIGIN);
  return id;
}

export function renameAxisItem(doc: Y.Doc, which: Axis, id: string, title: string): boolean {
  const arr = axis(doc, which);
  const i = indexOfId(arr, id);
  if (i === -1) return false;
  doc.transact(() => arr.get(i).set('title', title.slice(0, MAX_TITLE_LENGTH)), LOCAL_ORIGIN);
  return true;
}

/**
 * Removes a stage or lane. Its cards stay in the document and show in the "unplaced" area; each one
 * that `mayChange` allows (default: all) records the titles of the cell it was in (`wasIn`), since the
 * removed stage or lane takes its title along.
 */
export function removeAxisItem(doc: Y.Doc, which: Axis, id: string, mayChange: (ownerId: string | undefined) => boolean = () => true): boolean {
  const arr = axis(doc, which);
  const r = roots(doc);
  const titleOf = (list: Y.Array<Y.Map<unknown>>, itemId: string) =>
    String(list.toArray().find((m) => m instanceof Y.Map && m.get('id') === itemId)?.get('title') ?? '') || itemId;
  const field = which === 'stages' ? 'stage' : 'lane';
  doc.transact(() => {
    r.cards.forEach((m) => {
      if (!(m instanceof Y.Map) || m.get(field) !== id || m.has('wasIn')) return;
      const owner = m.get('ownerId');
      if (!mayChange(typeof owner === 'string' ? owner : undefined)) return;
      const stage = String(m.get('stage') ?? '');
      const lane = String(m.get('lane') ?? '');
      m.set('wasIn', { stage: titleOf(r.stages, stage), lane: titleOf(r.lanes, lane) });
    });
    // Remove every copy (concurrent moves may have left two).
    for (let i = arr.length - 1; i >= 0; i--) if (arr.get(i)?.get('id') === id) arr.delete(i, 1);
  }, LOCAL_ORIGIN);
  return true;
}

/** Moves a stage or lane to `toIndex` (position among the others after removal). */
export function moveAxisItem(doc: Y.Doc, which: Axis, id: string, toIndex: number): boolean {
  const arr = axis(doc, which);
  const from = indexOfId(arr, id);
  if (from === -1) return false;
  const title = String(arr.get(from).get('title') ?? '');
  doc.transact(() => {
    arr.delete(from, 1);
    const at = Math.max(0, Math.min(toIndex, arr.length));
    arr.insert(at, [axisItemMap(id, title)]);
  }, LOCAL_ORIGIN);
  return true;
}
