import type { Backup } from '../../../shared/backup/backup-schema';
import type { BackupProblem } from '../../../shared/backup/from-backup';
import type { CreateBoardResponse } from '../../../shared/protocol';
import { saveBoard } from '../lib/saved-boards';
import { navigate } from '../routing/navigate';
import { boardPath } from '../routing/route';

/** Why the server created no board. */
export type ImportFailure = { kind: 'invalid'; problems: BackupProblem[] } | { kind: 'tooLarge' } | { kind: 'failed'; reason: string };

export class ImportError extends Error {
  constructor(readonly failure: ImportFailure) {
    super(failure.kind === 'failed' ? failure.reason : failure.kind);
  }
}

/**
 * Creates a board from a backup-format file (a template, the example, a saved template) through
 * POST /api/boards/import, remembers it under "Your boards" and opens it with the facilitator's link.
 * Throws ImportError when the server refused it (nothing was created) or could not be reached.
 */
export async function createBoardFrom(backup: Backup): Promise<void> {
  let res: Response;
  try {
    res = await fetch('/api/boards/import', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(backup) });
  } catch (err) {
    throw new ImportError({ kind: 'failed', reason: err instanceof Error ? err.message : String(err) });
  }
  const body = (await res.json().catch(() => null)) as (CreateBoardResponse & { message?: string; problems?: BackupProblem[] }) | null;
  if (res.status === 413) throw new ImportError({ kind: 'tooLarge' });
  if (res.status === 400 && body?.problems) throw new ImportError({ kind: 'invalid', problems: body.problems });
  if (res.status !== 201 || !body?.id || !body.tokens) throw new ImportError({ kind: 'failed', reason: body?.message || `HTTP ${res.status}` });
  saveBoard({ id: body.id, title: backup.board.meta.title, role: 'facilitator', token: body.tokens.facilitator, links: body.tokens, lastOpened: Date.now() });
  navigate(boardPath(body.id, body.tokens.facilitator));
}
