/**
 * Restoring a backup starts a fresh workshop on the same content: a new title (so "Your boards" does
 * not list two identical entries), no running or expired timer, the agenda back before its first step,
 * no spotlight, "bring everyone here", insight or replay on the projector, and a past dot vote kept as a closed, revealed result (its
 * dots are the workshop's outcome; nobody can add to them). Content, decks, locks and the agenda itself
 * are kept. Pure: the home page uses it before the upload and shows what it will create.
 */
import { MAX_TITLE_LENGTH, type Locale } from '../doc/schema';
import type { Backup } from './backup-schema';
import { PROJECTED_INSIGHT_KEY } from '../commands/projected-insight';
import { REPLAY_KEY } from '../commands/replay';

/** Facilitation keys that belong to the session that was running, not to the board. */
export const SESSION_KEYS = ['timer', 'agendaStep', 'spotlight', 'summon', PROJECTED_INSIGHT_KEY, REPLAY_KEY] as const;

const SUFFIX: Record<Locale, (date: string) => string> = {
  en: (date) => ` (restored ${date})`,
  it: (date) => ` (ripristinata il ${date})`,
};

/** "<title> (restored 2 Dec 2026)", in the reader's language, shortened to fit the title limit. */
export function restoredTitle(title: string, locale: Locale, date: Date): string {
  const day = new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
  const suffix = SUFFIX[locale](day);
  const base = title.trim() || (locale === 'it' ? 'Lavagna' : 'Board');
  const room = MAX_TITLE_LENGTH - suffix.length;
  return (base.length > room ? `${base.slice(0, room - 1).trimEnd()}…` : base) + suffix;
}

/** The backup as a fresh workshop under `title` (trimmed, at most 120 characters). */
export function freshWorkshop(backup: Backup, title: string): Backup {
  const facilitation = { ...backup.board.facilitation };
  for (const k of SESSION_KEYS) delete facilitation[k];
  const vote = facilitation.vote;
  if (vote && typeof vote === 'object' && !Array.isArray(vote)) facilitation.vote = { ...vote, open: false, revealed: true };
  return {
    ...backup,
    board: {
      ...backup.board,
      meta: { ...backup.board.meta, title: title.trim().slice(0, MAX_TITLE_LENGTH) },
      facilitation,
    },
  };
}

export interface BackupSummary {
  title: string;
  locale: Locale;
  stages: string[];
  lanes: number;
  cards: number;
  /** Imported decks' titles in both languages (the deck id when a deck's text cannot be read). */
  decks: Array<{ id: string; title: { it: string; en: string } }>;
  /** A vote whose result comes back (closed). */
  vote: boolean;
}

/** What a restore will create, for the confirm step. */
export function backupSummary(backup: Backup): BackupSummary {
  const b = backup.board;
  const decks = Object.entries(b.decks).map(([id, text]) => {
    let title = { it: id, en: id };
    try {
      const t = (JSON.parse(text) as { title?: unknown }).title as { it?: unknown; en?: unknown } | undefined;
      if (t && typeof t.it === 'string' && typeof t.en === 'string') title = { it: t.it, en: t.en };
    } catch {
      // Kept as its id: the board reads (and skips) a broken deck the same way.
    }
    return { id, title };
  });
  const vote = b.facilitation.vote;
  return {
    title: b.meta.title,
    locale: b.meta.locale,
    stages: b.stages.map((s) => s.title),
    lanes: b.lanes.length,
    cards: b.cards.length,
    decks,
    vote: !!vote && typeof vote === 'object' && !Array.isArray(vote) && typeof (vote as { id?: unknown }).id === 'string',
  };
}
