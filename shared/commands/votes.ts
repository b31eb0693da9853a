import * as Y from 'yjs';
import { randomId } from '../doc/ids';
import { LOCAL_ORIGIN } from '../doc/origin';
import { ROOT } from '../doc/schema';

/**
 * Dot voting. The facilitator opens a vote (`facilitation.vote`); each person's dots are entries of the
 * `votes` root keyed `<voteId>/<personId>/<cardId>` with the number of dots on that card. The server
 * checks that a participant writes only their own entries of the open vote, within their budget and
 * scope. Dots are in the document, so a client could read them before the reveal: the app hides them,
 * which keeps people from anchoring on others' choices; it is not a secret ballot.
 */
export const VOTES_ROOT = 'votes';

export interface VoteSession {
  id: string;
  /** Dots per person. */
  dots: number;
  /** Only cards of this lane can get dots; null for all cards. */
  lane: string | null;
  open: boolean;
  revealed: boolean;
}

export const MAX_DOTS = 20;

export function readVote(doc: Y.Doc): VoteSession | null {
  const v = doc.getMap<unknown>(ROOT.facilitation).get('vote') as Partial<VoteSession> | undefined;
  if (!v || typeof v !== 'object' || typeof v.id !== 'string' || typeof v.dots !== 'number') return null;
  return { id: v.id, dots: v.dots, lane: typeof v.lane === 'string' ? v.lane : null, open: v.open === true, revealed: v.revealed === true };
}

export const voteKey = (voteId: string, personId: string, cardId: string) => `${voteId}/${personId}/${cardId}`;

export function parseVoteKey(key: string): { voteId: string; personId: string; cardId: string } | null {
  const parts = key.split('/');
  return parts.length === 3 && parts.every(Boolean) ? { voteId: parts[0], personId: parts[1], cardId: parts[2] } : null;
}

function votes(doc: Y.Doc): Y.Map<number> {
  return doc.getMap<number>(VOTES_ROOT);
}
function setVote(doc: Y.Doc, vote: VoteSession): void {
  doc.transact(() => doc.getMap<unknown>(ROOT.facilitation).set('vote', { ...vote }), LOCAL_ORIGIN);
}

/** Facilitator: opens a new vote; earlier votes' dots stay in the document but no longer count. */
export function startVote(doc: Y.Doc, dots: number, lane: string | null): string {
  const id = randomId(6);
  setVote(doc, { id, dots: Math.max(1, Math.min(MAX_DOTS, Math.floor(dots))), lane, open: true, revealed: false });
  return id;
}

/** Facilitator: closes the vote and shows everyone's dots. */
export function revealVote(doc: Y.Doc): void {
  const v = readVote(doc);
  if (v) setVote(doc, { ...v, open: false, revealed: true });
}

/** Facilitator: removes the vote from the board (its dots stay in history but are not shown). */
export function clearVote(doc: Y.Doc): void {
  doc.transact(() => doc.getMap<unknown>(ROOT.facilitation).delete('vote'), LOCAL_ORIGIN);
}

/** Dots of one person in the current vote, by card. */
export function myDots(doc: Y.Doc, personId: string): Map<string, number> {
  const v = readVote(doc);
  const out = new Map<string, number>();
  if (!v) return out;
  const prefix = `${v.id}/${personId}/`;
  votes(doc).forEach((n, key) => {
    if (key.startsWith(prefix) && typeof n === 'number' && n > 0) out.set(key.slice(prefix.length), n);
  });
  return out;
}

/** Adds (+1) or removes (−1) one of my dots on a card; false when the budget or the vote says no. */
export function changeDot(doc: Y.Doc, personId: string, cardId: string, delta: 1 | -1): boolean {
  const v = readVote(doc);
  if (!v || !v.open) return false;
  const mine = myDots(doc, personId);
  const used = [...mine.values()].reduce((a, b) => a + b, 0);
  const current = mine.get(cardId) ?? 0;
  if (delta > 0 && used >= v.dots) return false;
  if (delta < 0 && current === 0) return false;
  const key = voteKey(v.id, personId, cardId);
  doc.transact(() => {
    if (current + delta === 0) votes(doc).delete(key);
    else votes(doc).set(key, current + delta);
  }, LOCAL_ORIGIN);
  return true;
}

/** Total dots per card in the current vote, highest first. */
export function tallies(doc: Y.Doc): Array<{ cardId: string; dots: number }> {
  const v = readVote(doc);
  if (!v) return [];
  const totals = new Map<string, number>();
  votes(doc).forEach((n, key) => {
    const k = parseVoteKey(key);
    if (!k || k.voteId !== v.id || typeof n !== 'number' || !(n > 0)) return;
    totals.set(k.cardId, (totals.get(k.cardId) ?? 0) + n);
  });
  return [...totals].map(([cardId, dots]) => ({ cardId, dots })).sort((a, b) => b.dots - a.dots || (a.cardId < b.cardId ? -1 : 1));
}
