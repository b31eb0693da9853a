/**
 * The work of a backup import, away from the event loop: the body's JSON, its nesting depth, the
 * backup schema, the new board's document and its encoded first state. For an 8 MiB backup that is
 * over a second of CPU (JSON.parse ~0.1 s, validation ~0.1 s, building the Yjs document ~0.6 s,
 * encoding it ~0.5 s on the bench machine); done on the server's main thread it froze every other
 * board for as long. `import-worker.ts` runs this in a worker thread; it is a plain function so tests
 * can call it directly.
 */
import * as Y from 'yjs';
import { backupToDoc, validateBackup, type BackupProblem } from '../../shared/backup/from-backup';
import type { Locale } from '../../shared/doc/schema';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';

/**
 * Characters of card text per stored piece (~0.5 MB). Why pieces: LevelDB's write of one multi-MB value
 * holds the event loop for 0.1–0.3 s (measured with classic-level on the bench machine), so a large
 * restored board is stored as a small snapshot plus an update log of pieces, one write each.
 */
export const PART_CHARS = 256 * 1024;

export interface ImportJob {
  body: Uint8Array;
  maxDocBytes: number;
}

export type ImportOutcome =
  /** `parts`: the first state in pieces (the first: everything but the cards), applied in order. */
  | { ok: true; title: string; locale: Locale; parts: Uint8Array[] }
  | { ok: false; status: 400 | 413; code: string; message: string; problems?: BackupProblem[] };

export function importWork({ body, maxDocBytes }: ImportJob): ImportOutcome {
  let value: unknown;
  try {
    value = body.byteLength === 0 ? {} : JSON.parse(new TextDecoder().decode(body));
  } catch {
    return { ok: false, status: 400, code: 'invalid_json', message: 'The request body is not valid JSON.' };
  }
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
    return { ok: false, status: 400, code: 'too_deep', message: `The request body nests deeper than ${MAX_JSON_DEPTH} levels.` };
  }
  const parsed = validateBackup(value);
  value = null;
  if (!parsed.ok) return { ok: false, status: 400, code: 'invalid_backup', message: 'This file is not a valid Journey Studio backup.', problems: parsed.errors };
  const doc = new Y.Doc();
  const parts: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => parts.push(u));
  backupToDoc(doc, parsed.backup, { cardChars: PART_CHARS });
  const size = Y.encodeStateAsUpdate(doc).byteLength;
  doc.destroy();
  // A board that would start above the size limit could take no write but deletions.
  if (size > maxDocBytes) {
    return { ok: false, status: 413, code: 'board_too_large', message: `The restored board would be larger than ${maxDocBytes} bytes.` };
  }
  const { meta } = parsed.backup.board;
  return { ok: true, title: meta.title, locale: meta.locale, parts };
}
