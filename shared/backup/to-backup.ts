import * as Y from 'yjs';
import { roots } from '../doc/board-doc';
import { readAxis, readCards, readMeta } from '../doc/read';
import { ROOT } from '../doc/schema';
import { compareByOrder } from '../order';
import { DECKS_ROOT } from '../decks/board-decks';
import { VOTES_ROOT } from '../commands/votes';
import { readPersonas } from '../personas/read-personas';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type BackupCard } from './backup-schema';

/** The whole board as a backup object (JSON-ready). Cards are listed in a stable order. */
export function boardToBackup(doc: Y.Doc, exportedAt: number): Backup {
  const meta = readMeta(doc);
  const cards: BackupCard[] = readCards(doc)
    .sort((a, b) => (a.stage + a.lane < b.stage + b.lane ? -1 : a.stage + a.lane > b.stage + b.lane ? 1 : compareByOrder(a, b)))
    .map((c) => ({ ...c }));
  const plain = <T>(m: Y.Map<unknown>, keep: (v: unknown) => v is T): Record<string, T> => {
    const out: Record<string, T> = {};
    m.forEach((v, k) => {
      if (keep(v)) out[k] = v;
    });
    return out;
  };
  const personas = readPersonas(doc);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    board: {
      meta: { title: meta.title, locale: meta.locale, createdAt: meta.createdAt },
      stages: readAxis(roots(doc).stages),
      lanes: readAxis(roots(doc).lanes),
      cards,
      decks: plain(doc.getMap<unknown>(DECKS_ROOT), (v): v is string => typeof v === 'string'),
      facilitation: plain(doc.getMap<unknown>(ROOT.facilitation), (v): v is Backup['board']['facilitation'][string] => !(v instanceof Y.AbstractType) && v !== undefined),
      votes: plain(doc.getMap<unknown>(VOTES_ROOT), (v): v is number => typeof v === 'number' && Number.isFinite(v)),
      // Only when there are some: a board without personas backs up exactly as before they existed.
      ...(personas.length ? { personas } : {}),
    },
  };
}
