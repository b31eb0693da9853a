import type * as Y from 'yjs';
import { readAgenda } from '../../../shared/commands/agenda';
import { readSpotlight, readSummon, readTimer } from '../../../shared/commands/facilitation';
import { readProjectedInsight } from '../../../shared/commands/projected-insight';
import { readReplay } from '../../../shared/commands/replay';
import { readClvRaw } from '../../../shared/commands/clv';
import { parseVoteKey, readVote, VOTES_ROOT } from '../../../shared/commands/votes';
import { readLocks } from '../../../shared/doc/read';
import { ROOT, type FacilitationLocks } from '../../../shared/doc/schema';
import { sessionStore } from '../store/session-store';
import { facilitationStore, type FacilitationState } from './facilitation-store';

/**
 * The door from the `facilitation` and `votes` roots into facilitation-store (and the locks into
 * session-store). Both roots hold small plain values, so every change re-reads them whole; unchanged
 * values keep their identity so components that select them do not re-render.
 */
type DocPart = Pick<FacilitationState, 'spotlight' | 'timer' | 'summon' | 'vote' | 'myDots' | 'totals' | 'voters' | 'agenda' | 'projectedInsight' | 'replay' | 'clv'>;

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The dots of the current vote: mine, everyone's totals, and how many people voted. */
export function readDots(doc: Y.Doc, personId: string | null): Pick<DocPart, 'myDots' | 'totals' | 'voters'> {
  const vote = readVote(doc);
  const myDots: Record<string, number> = {};
  const totals: Record<string, number> = {};
  const people = new Set<string>();
  if (vote) {
    doc.getMap<unknown>(VOTES_ROOT).forEach((n, key) => {
      const k = parseVoteKey(key);
      if (!k || k.voteId !== vote.id || typeof n !== 'number' || !(n > 0)) return;
      totals[k.cardId] = (totals[k.cardId] ?? 0) + n;
      people.add(k.personId);
      if (k.personId === personId) myDots[k.cardId] = n;
    });
  }
  return { myDots, totals, voters: people.size };
}

export function readFacilitation(doc: Y.Doc, personId: string | null): DocPart {
  return {
    spotlight: readSpotlight(doc),
    timer: readTimer(doc),
    summon: readSummon(doc),
    vote: readVote(doc),
    agenda: readAgenda(doc),
    projectedInsight: readProjectedInsight(doc),
    replay: readReplay(doc),
    clv: readClvRaw(doc),
    ...readDots(doc, personId),
  };
}

/** `next`, keeping every value of `prev` that did not change. */
export function reuseFacilitation(prev: DocPart, next: DocPart): Partial<DocPart> | null {
  const patch: Partial<DocPart> = {};
  for (const k of Object.keys(next) as Array<keyof DocPart>) {
    if (!same(prev[k], next[k])) (patch as Record<string, unknown>)[k] = next[k];
  }
  return Object.keys(patch).length ? patch : null;
}

export interface ProjectOptions {
  personId: string | null;
  /** Called when the locks tighten for this person (a participant's undo could hold refused writes). */
  onLocksTightened?: () => void;
}

export function projectFacilitation(doc: Y.Doc, opts: ProjectOptions): () => void {
  const fac = doc.getMap<unknown>(ROOT.facilitation);
  const votes = doc.getMap<unknown>(VOTES_ROOT);
  const read = () => {
    const patch = reuseFacilitation(facilitationStore.getState(), readFacilitation(doc, opts.personId));
    if (patch) facilitationStore.setState(patch);
    const locks = readLocks(doc);
    const prev = sessionStore.getState().locks;
    if (!same(prev, locks)) {
      sessionStore.setState({ locks });
      if (tightened(prev, locks)) opts.onLocksTightened?.();
    }
  };
  read();
  fac.observe(read);
  votes.observe(read);
  return () => {
    fac.unobserve(read);
    votes.unobserve(read);
  };
}

function tightened(prev: FacilitationLocks, next: FacilitationLocks): boolean {
  return (!prev.boardLocked && next.boardLocked) || (!prev.cardsOnly && next.cardsOnly) || (!prev.skeletonLocked && next.skeletonLocked);
}
