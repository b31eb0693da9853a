import * as Y from 'yjs';
import { roots } from '../doc/board-doc';
import { readAxis, readCards } from '../doc/read';
import { readVote, parseVoteKey, VOTES_ROOT } from '../commands/votes';
import type { VersionSummary } from './version-types';

/**
 * What a board holds, counted for a checkpoint's line in the history list: cards per stage (in stage
 * order), cards not placed, key moments placed, and the dots of the current vote. Headless: the server
 * counts the live document, a client can count a checkpoint it loaded.
 */
export function summarizeBoard(doc: Y.Doc): VersionSummary {
  const stages = readAxis(roots(doc).stages);
  const laneIds = new Set(readAxis(roots(doc).lanes).map((l) => l.id));
  const perStage = new Map(stages.map((s) => [s.id, 0]));
  const cards = readCards(doc);
  let unplaced = 0;
  let moments = 0;
  for (const c of cards) {
    const placed = perStage.has(c.stage) && laneIds.has(c.lane);
    if (!placed) {
      unplaced++;
      continue;
    }
    perStage.set(c.stage, perStage.get(c.stage)! + 1);
    if (c.kind === 'moment' && c.moment) moments++;
  }
  return {
    cards: cards.length,
    cardsPerStage: stages.map((s) => ({ stage: s.id, title: s.title, cards: perStage.get(s.id)! })),
    unplaced,
    moments,
    votes: dotsInCurrentVote(doc),
  };
}

function dotsInCurrentVote(doc: Y.Doc): number {
  const vote = readVote(doc);
  if (!vote) return 0;
  let dots = 0;
  doc.getMap<unknown>(VOTES_ROOT).forEach((n, key) => {
    if (parseVoteKey(key)?.voteId === vote.id && typeof n === 'number' && n > 0) dots += n;
  });
  return dots;
}

/** The summary of a stored state (a checkpoint's bytes). */
export function summarizeState(state: Uint8Array): VersionSummary {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return summarizeBoard(doc);
  } finally {
    doc.destroy();
  }
}
