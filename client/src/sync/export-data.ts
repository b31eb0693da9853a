import { boardToBackup } from '../../../shared/backup/to-backup';
import { readVote, tallies, type VoteSession } from '../../../shared/commands/votes';
import { cardsToCsv, type CsvOptions } from '../../../shared/export/cards-csv';
import { activeBoard } from './connect-board';

/**
 * Read-only views of the open board's document for exports (export/ and report/ never hold Yjs
 * objects). Each returns null when no board is open.
 */

/** The whole board as a backup file's text (docs/backup-format.md). */
export function backupText(now = Date.now()): string | null {
  const b = activeBoard();
  return b ? JSON.stringify(boardToBackup(b.doc, now), null, 2) : null;
}

/** The cards as CSV for spreadsheets, in the reader's conventions (separator, headings). */
export function cardsCsvText(opts: CsvOptions): string | null {
  const b = activeBoard();
  return b ? cardsToCsv(b.doc, opts) : null;
}

export interface VoteResults {
  vote: VoteSession | null;
  /** Total dots per card in the current vote, highest first. */
  tallies: Array<{ cardId: string; dots: number }>;
}

/** The current vote and its totals (the caller decides whether it may show them). */
export function voteResults(): VoteResults | null {
  const b = activeBoard();
  return b ? { vote: readVote(b.doc), tallies: tallies(b.doc) } : null;
}
