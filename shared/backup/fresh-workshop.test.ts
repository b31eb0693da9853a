import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCard } from '../commands/cards';
import { goToStep } from '../commands/agenda';
import { setLock, setSpotlight, startTimer } from '../commands/facilitation';
import { changeDot, readVote, startVote, tallies } from '../commands/votes';
import { importDeck } from '../decks/board-decks';
import { BUILTIN_DECKS } from '../decks/builtin';
import { initBoardDoc } from '../doc/board-doc';
import { MAX_TITLE_LENGTH } from '../doc/schema';
import { setProjectedInsight } from '../commands/projected-insight';
import { backupToDoc, parseBackup } from './from-backup';
import { backupSummary, freshWorkshop, restoredTitle } from './fresh-workshop';
import { boardToBackup } from './to-backup';

/** A workshop caught mid-session: a running timer, the third agenda step, a spotlight, an insight on the projector, an open vote. */
function midSession(locale: 'it' | 'en'): Y.Doc {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: locale === 'it' ? 'Panificio Rossi' : 'Rossi Bakery', locale, createdAt: 7 });
  const idea = addCard(doc, { stage: 'use', lane: 'ideas', text: locale === 'it' ? 'Più caffè' : 'More coffee', ownerId: 'p1' });
  addCard(doc, { stage: 'use', lane: 'emotions', kind: 'emotion', text: 'Gioia', extra: { valence: 2 } });
  importDeck(doc, { ...BUILTIN_DECKS[0], id: 'acme' });
  setLock(doc, 'cardsOnly', true);
  goToStep(doc, 2, 1000);
  startTimer(doc, 60_000, 1000);
  setSpotlight(doc, 'use');
  setProjectedInsight(doc, 'truth-gap');
  startVote(doc, 3, 'ideas');
  changeDot(doc, 'p1', idea, 1);
  changeDot(doc, 'p1', idea, 1);
  return doc;
}

describe('restoring a backup starts a fresh workshop', () => {
  for (const locale of ['it', 'en'] as const) {
    it(`keeps the content, drops the session and closes the vote (${locale})`, () => {
      const original = boardToBackup(midSession(locale), 99);
      expect(Object.keys(original.board.facilitation)).toEqual(expect.arrayContaining(['timer', 'agendaStep', 'spotlight', 'vote', 'insights']));
      const title = restoredTitle(original.board.meta.title, locale, new Date(Date.UTC(2026, 11, 2, 12)));
      expect(title).toBe(locale === 'it' ? 'Panificio Rossi (ripristinata il 2 dic 2026)' : 'Rossi Bakery (restored 2 Dec 2026)');

      // What the home page sends: the file as read, made fresh, through the same schema as the server's.
      const parsed = parseBackup(JSON.stringify(original));
      if (!parsed.ok) throw new Error('the backup should parse');
      const sent = freshWorkshop(parsed.backup, `  ${title}  `);
      const check = parseBackup(JSON.stringify(sent));
      expect(check.ok).toBe(true);
      const restored = new Y.Doc();
      backupToDoc(restored, sent);
      const again = boardToBackup(restored, 99);

      expect(again.board.meta).toEqual({ ...original.board.meta, title });
      expect(again.board.cards).toEqual(original.board.cards);
      expect(again.board.stages).toEqual(original.board.stages);
      expect(again.board.decks).toEqual(original.board.decks);
      expect(again.board.votes).toEqual(original.board.votes);
      const fac = again.board.facilitation;
      for (const k of ['timer', 'agendaStep', 'spotlight', 'summon', 'insights']) expect(fac, k).not.toHaveProperty(k);
      expect(fac.cardsOnly).toBe(true);
      expect(readVote(restored)).toMatchObject({ open: false, revealed: true, lane: 'ideas', dots: 3 });
      expect(tallies(restored).map((t) => t.dots)).toEqual([2]);
      // The original backup object is untouched.
      expect(original.board.facilitation.timer).toBeDefined();
    });
  }

  it('fits a long title within the limit, with the date kept', () => {
    const long = 'x'.repeat(MAX_TITLE_LENGTH);
    const t = restoredTitle(long, 'it', new Date(Date.UTC(2026, 0, 5)));
    expect(t.length).toBe(MAX_TITLE_LENGTH);
    expect(t.endsWith('… (ripristinata il 5 gen 2026)')).toBe(true);
  });

  it('summarises what will be created', () => {
    const s = backupSummary(boardToBackup(midSession('en'), 1));
    expect(s).toMatchObject({ title: 'Rossi Bakery', locale: 'en', lanes: 5, cards: 2, vote: true });
    expect(s.stages).toHaveLength(6);
    expect(s.decks).toEqual([{ id: 'acme', title: BUILTIN_DECKS[0].title }]);
  });
});
