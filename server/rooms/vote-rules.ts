import * as Y from 'yjs';
import { VOTES_ROOT, parseVoteKey, readVote } from '../../shared/commands/votes';
import { ROOT } from '../../shared/doc/schema';
import { topLevelValues } from './top-level-values';
import type { DropReason } from './write-rules';

/**
 * A participant's write to the `votes` root: only their own entries of the open vote, each a whole
 * number of dots on a card in the vote's scope, and never more dots in all than the vote allows.
 * The total is what the person would hold after the update: their stored dots, with the entries this
 * update sets or deletes replaced (at their largest, when an update sets one entry more than once).
 */
export function checkVotes(doc: Y.Doc, update: Uint8Array, keys: Set<string>, personId: string | null): DropReason | null {
  const vote = readVote(doc);
  if (!vote || !vote.open) return 'vote-closed';
  if (!personId) return 'vote-not-own';
  const set = topLevelValues(doc, update, VOTES_ROOT);
  const cards = doc.getMap<unknown>(ROOT.cards);
  for (const key of keys) {
    const k = parseVoteKey(key);
    if (!k || k.voteId !== vote.id || k.personId !== personId) return 'vote-not-own';
    const values = set.get(key);
    if (!values) continue; // a deletion: always allowed for one's own dots
    for (const n of values) if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > vote.dots) return 'vote-invalid';
    const card = cards.get(k.cardId);
    if (!(card instanceof Y.Map)) return 'vote-out-of-scope';
    if (vote.lane !== null && card.get('lane') !== vote.lane) return 'vote-out-of-scope';
  }
  let total = 0;
  const prefix = `${vote.id}/${personId}/`;
  doc.getMap<unknown>(VOTES_ROOT).forEach((n, key) => {
    if (key.startsWith(prefix) && !keys.has(key) && typeof n === 'number') total += n;
  });
  // When a key is set more than once, count the largest: whichever Yjs keeps, the budget holds.
  for (const [key, values] of set) if (keys.has(key)) total += Math.max(...(values as number[]));
  return total > vote.dots ? 'vote-budget' : null;
}
