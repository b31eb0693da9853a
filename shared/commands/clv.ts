import * as Y from 'yjs';
import { roots } from '../doc/board-doc';
import { LOCAL_ORIGIN } from '../doc/origin';
import { MAX_EFFECT_PCT, MIN_EFFECT_PCT, ROOT } from '../doc/schema';
import { CLV_KEY, checkClvStored, type ClvStored } from '../insights/clv-schema';

/**
 * The CLV inputs live in the `facilitation` map under `clv` (docs/document-format.md), so only
 * facilitators write them (the server's rule for that root) and backups carry them with the rest of
 * the facilitator state. Written whole: the form saves all its fields at once, already checked.
 */
export function readClvRaw(doc: Y.Doc): unknown {
  return doc.getMap<unknown>(ROOT.facilitation).get(CLV_KEY);
}

/** Saves the inputs; refuses (false) a value the schema does not accept, so the board never holds one. */
export function setClvInputs(doc: Y.Doc, value: ClvStored): boolean {
  const checked = checkClvStored(value);
  if (!checked.ok) return false;
  doc.transact(() => doc.getMap<unknown>(ROOT.facilitation).set(CLV_KEY, { ...checked.value }), LOCAL_ORIGIN);
  return true;
}

export function clearClvInputs(doc: Y.Doc): void {
  const fac = doc.getMap<unknown>(ROOT.facilitation);
  if (fac.has(CLV_KEY)) doc.transact(() => fac.delete(CLV_KEY), LOCAL_ORIGIN);
}

/**
 * Sets an idea's expected effect on its stage's lever, in percent (null removes it). Values are
 * rounded to one decimal and kept within MIN_EFFECT_PCT..MAX_EFFECT_PCT; false when nothing changed.
 */
export function setIdeaEffect(doc: Y.Doc, cardId: string, pct: number | null): boolean {
  const m = roots(doc).cards.get(cardId);
  if (!(m instanceof Y.Map)) return false;
  if (pct === null || pct === 0) {
    if (!m.has('effect')) return false;
    doc.transact(() => m.delete('effect'), LOCAL_ORIGIN);
    return true;
  }
  if (!Number.isFinite(pct)) return false;
  const value = Math.round(Math.min(MAX_EFFECT_PCT, Math.max(MIN_EFFECT_PCT, pct)) * 10) / 10;
  if (m.get('effect') === value) return false;
  doc.transact(() => m.set('effect', value), LOCAL_ORIGIN);
  return true;
}
