import * as Y from 'yjs';
import { axisItemMap, roots } from '../doc/board-doc';
import { ROOT, SCHEMA_VERSION } from '../doc/schema';
import { DECKS_ROOT } from '../decks/board-decks';
import { VOTES_ROOT } from '../commands/votes';
import { MAX_BACKUP_BYTES, backupSchema, type Backup } from './backup-schema';

/**
 * One problem of a refused file: where (`board.cards.3.text`), zod's message (English), and the facts a
 * reader's language can be built from: the issue's code and, by code, what was expected, the maximum,
 * the unknown keys (client/src/export/backup-problem.ts words them in Italian and English).
 */
export interface BackupProblem {
  path: string;
  message: string;
  code?: string;
  expected?: string;
  maximum?: number;
  keys?: string[];
}

export type BackupParseResult =
  | { ok: true; backup: Backup }
  /** `deckFile`: the file is a card deck (docs/decks.md), which is imported in the Decks panel. */
  | { ok: false; errors: BackupProblem[]; deckFile?: true };

/** Reads a backup file: size, JSON, schema. All or nothing: a whole backup or the first problems. */
export function parseBackup(text: string): BackupParseResult {
  // A string longer than the limit in UTF-16 units is longer in UTF-8 bytes too: no need to encode it.
  if (text.length > MAX_BACKUP_BYTES || new TextEncoder().encode(text).byteLength > MAX_BACKUP_BYTES) {
    return { ok: false, errors: [{ path: '', message: `the file is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MiB`, code: 'too_large' }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, errors: [{ path: '', message: 'not valid JSON', code: 'invalid_json' }] };
  }
  return validateBackup(data);
}

/** A deck file (formatVersion, cards) rather than a backup (format, board): it belongs in the Decks panel. */
function isDeckFile(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const d = data as Record<string, unknown>;
  return !('format' in d) && !('board' in d) && 'formatVersion' in d && Array.isArray(d.cards);
}

export function validateBackup(data: unknown): BackupParseResult {
  if (isDeckFile(data)) {
    return { ok: false, deckFile: true, errors: [{ path: '', message: 'this is a card deck file, not a board backup: import it in the Decks panel', code: 'deck_file' }] };
  }
  const r = backupSchema.safeParse(data);
  if (r.success) return { ok: true, backup: r.data };
  return {
    ok: false,
    errors: r.error.issues.slice(0, 5).map((i) => {
      const p: BackupProblem = { path: i.path.map(String).join('.'), message: i.message, code: i.code };
      if (i.code === 'invalid_type') p.expected = String(i.expected);
      if (i.code === 'too_big' && typeof i.maximum === 'number') p.maximum = i.maximum;
      if (i.code === 'unrecognized_keys') p.keys = i.keys.slice(0, 5);
      return p;
    }),
  };
}

/**
 * Writes a backup's content into an empty doc. By default as one transaction (the new board's first
 * state). With `cardChars`, the cards go in further transactions of about that many characters of
 * text each, so the doc's `update` events give a first state of manageable pieces (the server stores
 * a large restored board as a snapshot plus an update log, one small write at a time).
 */
export function backupToDoc(doc: Y.Doc, backup: Backup, opts: { cardChars?: number } = {}): void {
  const b = backup.board;
  const r = roots(doc);
  const writeCards = (cards: typeof b.cards) => {
    for (const c of cards) {
      const m = new Y.Map<unknown>();
      for (const [k, v] of Object.entries(c)) {
        if (v === undefined) continue;
        if (k === 'text' || k === 'answer') {
          const t = new Y.Text();
          t.insert(0, v as string);
          m.set(k, t);
        } else m.set(k, v);
      }
      r.cards.set(c.id, m);
    }
  };
  doc.transact(() => {
    r.meta.set('schemaVersion', SCHEMA_VERSION);
    r.meta.set('title', b.meta.title);
    r.meta.set('locale', b.meta.locale);
    r.meta.set('createdAt', b.meta.createdAt);
    r.stages.push(b.stages.map((s) => axisItemMap(s.id, s.title)));
    r.lanes.push(b.lanes.map((l) => axisItemMap(l.id, l.title)));
    if (!opts.cardChars) writeCards(b.cards);
    const decks = doc.getMap<string>(DECKS_ROOT);
    for (const [k, v] of Object.entries(b.decks)) decks.set(k, v);
    const fac = doc.getMap<unknown>(ROOT.facilitation);
    for (const [k, v] of Object.entries(b.facilitation)) fac.set(k, v);
    const votes = doc.getMap<number>(VOTES_ROOT);
    for (const [k, v] of Object.entries(b.votes)) votes.set(k, v);
    const personas = doc.getMap<unknown>(ROOT.personas);
    for (const p of b.personas ?? []) personas.set(p.id, { ...p });
  });
  if (!opts.cardChars) return;
  let from = 0;
  let chars = 0;
  for (let i = 0; i < b.cards.length; i++) {
    chars += b.cards[i].text.length + (b.cards[i].answer?.length ?? 0) + 200;
    if (chars >= opts.cardChars || i === b.cards.length - 1) {
      const part = b.cards.slice(from, i + 1);
      doc.transact(() => writeCards(part));
      from = i + 1;
      chars = 0;
    }
  }
}
