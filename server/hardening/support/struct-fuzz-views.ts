/** What the structure-aware fuzzer compares after each batch: the board as a stock client shows it. */
import * as Y from 'yjs';
import { VOTES_ROOT, readVote } from '../../../shared/commands/votes';
import { roots } from '../../../shared/doc/board-doc';
import { readAxis, readLocks, readMeta } from '../../../shared/doc/read';
import { ROOT } from '../../../shared/doc/schema';

/** A stable picture of a card for comparisons. */
export function cardPicture(doc: Y.Doc, id: string): string | null {
  const m = roots(doc).cards.get(id);
  if (!(m instanceof Y.Map)) return m === undefined ? null : `not a map: ${JSON.stringify(m)}`;
  return JSON.stringify(Object.entries(m.toJSON()).sort(([a], [b]) => a.localeCompare(b)));
}

/** What the rules protect from a participant on the open board, as a stock client shows it. */
export function protectedView(doc: Y.Doc, protectedCards: string[], attackers: Set<string>) {
  const vote = readVote(doc);
  return {
    title: readMeta(doc).title,
    meta: roots(doc).meta.toJSON(),
    lanes: readAxis(roots(doc).lanes).map((l) => `${l.id}:${l.title}`),
    stages: readAxis(roots(doc).stages).map((s) => `${s.id}:${s.title}`),
    locks: readLocks(doc),
    vote,
    facilitation: doc.getMap<unknown>(ROOT.facilitation).toJSON(),
    decks: doc.getMap<unknown>('decks').toJSON(),
    personas: doc.getMap<unknown>(ROOT.personas).toJSON(),
    // Other people's dots (the attackers' own may change within their budget).
    votes: Object.entries(doc.getMap<unknown>(VOTES_ROOT).toJSON())
      .filter(([k]) => ![...attackers].some((p) => k.split('/')[1] === p))
      .sort(([a], [b]) => a.localeCompare(b)),
    cards: protectedCards.map((id) => [id, cardPicture(doc, id)]),
  };
}

/** The whole board, for the locked board (nothing may change but the facilitator's marker cards). */
export function wholeView(doc: Y.Doc) {
  return {
    meta: roots(doc).meta.toJSON(),
    lanes: roots(doc).lanes.toJSON(),
    stages: roots(doc).stages.toJSON(),
    facilitation: doc.getMap<unknown>(ROOT.facilitation).toJSON(),
    personas: doc.getMap<unknown>(ROOT.personas).toJSON(),
    votes: doc.getMap<unknown>(VOTES_ROOT).toJSON(),
    cards: [...roots(doc).cards.keys()]
      .filter((id) => !String((roots(doc).cards.get(id) as Y.Map<unknown> | undefined)?.get?.('text') ?? '').startsWith('marker'))
      .sort()
      .map((id) => [id, cardPicture(doc, id)]),
  };
}

/** Every top-level key of the doc that is not one of the format's roots (a stock client reads none). */
export const FORMAT_ROOTS = new Set<string>([...Object.values(ROOT), VOTES_ROOT, 'decks']);

export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

