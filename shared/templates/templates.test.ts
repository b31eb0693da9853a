import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { backupToDoc, parseBackup } from '../backup/from-backup';
import type { Backup } from '../backup/backup-schema';
import { readVote, tallies } from '../commands/votes';
import { BUILTIN_DECKS } from '../decks/builtin';
import { initBoardDoc } from '../doc/board-doc';
import { readAxis, readCards } from '../doc/read';
import { DEFAULT_LANES, DEFAULT_STAGES, LOCALES } from '../doc/schema';
import { roots } from '../doc/board-doc';
import { boardToBackup } from '../backup/to-backup';
import { channelSilos } from '../insights/channel-silos';
import { clvForBoard } from '../insights/clv-board';
import { momentsCheck } from '../insights/moments-check';
import { truthGap } from '../insights/truth-gap';
import { readPersonas } from '../personas/read-personas';
import { TEMPLATE_TIME } from './build';
import { TEMPLATE_IDS } from './catalog';
import { generatedTemplateFiles, templateFileName } from './files';

const DIR = path.join(import.meta.dirname, 'files');
const generated = generatedTemplateFiles();
const onDisk = (file: string) => readFileSync(path.join(DIR, file), 'utf8');

/** A file read as the app reads it: the backup schema, then a board document. */
function load(file: string): { backup: Backup; doc: Y.Doc } {
  const parsed = parseBackup(onDisk(file));
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.errors)}`);
  const doc = new Y.Doc();
  backupToDoc(doc, parsed.backup);
  return { backup: parsed.backup, doc };
}

function boardOf(doc: Y.Doc) {
  return { stages: readAxis(roots(doc).stages), lanes: readAxis(roots(doc).lanes), cards: readCards(doc) };
}

describe('template and example files', () => {
  it('are exactly what their descriptions generate (run `npm run templates` after a change)', () => {
    expect(readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()).toEqual(generated.map((g) => g.file).sort());
    for (const g of generated) expect(onDisk(g.file), g.file).toBe(g.text);
  });

  it('each validates with the backup schema and imports into a board that backs up to the same file', () => {
    for (const g of generated) {
      const { backup, doc } = load(g.file);
      expect(backup.board.meta.locale).toBe(g.locale);
      expect(boardToBackup(doc, TEMPLATE_TIME), g.file).toEqual(backup);
    }
  });

  it('the blank template is the board the server creates today', () => {
    for (const locale of LOCALES) {
      const doc = new Y.Doc();
      initBoardDoc(doc, { title: locale === 'it' ? 'Nuovo percorso cliente' : 'New customer journey', locale, createdAt: TEMPLATE_TIME });
      expect(load(templateFileName('blank', locale)).backup).toEqual(boardToBackup(doc, TEMPLATE_TIME));
    }
  });
});

describe('each template', () => {
  for (const id of TEMPLATE_IDS.filter((t) => t !== 'blank')) {
    it(`${id}: the six stages with a subtitle, prompt questions without answers, nothing else`, () => {
      const [it_, en] = (['it', 'en'] as const).map((l) => load(templateFileName(id, l)).backup.board);
      for (const [b, locale] of [
        [it_, 'it'],
        [en, 'en'],
      ] as const) {
        expect(b.stages.map((s) => s.id)).toEqual(DEFAULT_STAGES.map((s) => s.id));
        b.stages.forEach((s, i) => expect(s.title).toMatch(new RegExp(`^${DEFAULT_STAGES[i].title[locale]} — \\S.{3,}`)));
        expect(b.lanes).toEqual(DEFAULT_LANES.map((l) => ({ id: l.id, title: l.title[locale] })));
        expect(b.cards.length).toBeGreaterThanOrEqual(5);
        expect(b.cards.every((c) => c.kind === 'question' && c.answer === '' && c.text.split('\n')[0].endsWith('?')), JSON.stringify(b.cards.map((c) => c.text))).toBe(true);
        // Questions spread over the journey, not piled in one stage.
        expect(new Set(b.cards.map((c) => c.stage)).size).toBe(6);
        expect(b.votes).toEqual({});
        expect(b.facilitation).toEqual({});
      }
      // The same questions in the same cells in both languages; only the words differ.
      expect(it_.cards.map((c) => [c.id, c.stage, c.lane])).toEqual(en.cards.map((c) => [c.id, c.stage, c.lane]));
      it_.cards.forEach((c, i) => expect(c.text).not.toBe(en.cards[i].text));
    });
  }
});

describe('the worked example', () => {
  for (const locale of LOCALES) {
    const { backup, doc } = load(templateFileName('example', locale));
    const board = boardOf(doc);

    it(`${locale}: cards in every stage and lane`, () => {
      for (const s of board.stages) for (const l of board.lanes) expect(board.cards.some((c) => c.stage === s.id && c.lane === l.id), `${s.id}/${l.id}`).toBe(true);
    });

    it(`${locale}: the emotion curve dips at the Moment of Truth, flagged as a gap`, () => {
      const gap = truthGap(board);
      expect(gap.status).toBe('ok');
      expect(gap.promise.median).toBe(1);
      expect(gap.experience.median).toBe(-1.5);
      expect(gap.flagged).toBe(true);
      expect(gap.ideas.count).toBe(3);
    });

    it(`${locale}: the three moments are in place`, () => {
      expect(momentsCheck(board).map((m) => [m.moment, m.status])).toEqual([
        ['trigger', 'ok'],
        ['truth', 'ok'],
        ['medal', 'ok'],
      ]);
    });

    it(`${locale}: the channels break once, from Purchase to Use`, () => {
      const silos = channelSilos(board, BUILTIN_DECKS, locale);
      expect(silos.breaks.map((b) => [b.from.id, b.to.id])).toEqual([['purchase', 'use']]);
      expect(silos.withoutChannels).toEqual([]);
    });

    it(`${locale}: a revealed vote on the ideas, answered questions, CLV inputs with ideas that move it`, () => {
      const vote = readVote(doc);
      expect(vote).toMatchObject({ open: false, revealed: true, lane: 'ideas' });
      const dots = tallies(doc);
      expect(dots[0]).toEqual({ cardId: 'us-idea-1', dots: 4 });
      expect(dots.reduce((a, t) => a + t.dots, 0)).toBe(12);
      const questions = board.cards.filter((c) => c.kind === 'question');
      expect(questions.length).toBe(3);
      expect(questions.every((q) => (q.answer ?? '').length > 20)).toBe(true);
      const clv = clvForBoard({ ...board, clv: backup.board.facilitation.clv, vote, tallies: dots });
      expect(clv.state).toBe('ready');
      if (clv.state !== 'ready') return;
      expect(clv.basis).toBe('voted');
      expect(clv.withIdeas.total).toBeGreaterThan(clv.today.total);
    });
  }

  it('has two personas with cards tagged for each, so their emotion curves differ', () => {
    for (const locale of LOCALES) {
      const { doc } = load(templateFileName('example', locale));
      expect(readPersonas(doc).map((p) => [p.id, p.name])).toEqual([
        ['owner', 'Marta'],
        ['manager', 'Paolo'],
      ]);
      const cards = readCards(doc);
      const tagged = (id: string) => cards.filter((c) => c.persona === id);
      expect(tagged('owner').length).toBeGreaterThanOrEqual(5);
      expect(tagged('manager').length).toBeGreaterThanOrEqual(5);
      // In Use the owner feels abandoned (−2), the manager confused (−1).
      const useEmotion = (id: string) => tagged(id).find((c) => c.stage === 'use' && c.lane === 'emotions')?.valence;
      expect([useEmotion('owner'), useEmotion('manager')]).toEqual([-2, -1]);
    }
  });

  it('is the same map in both languages: same cards in the same cells, same valences and votes', () => {
    const [a, b] = LOCALES.map((l) => load(templateFileName('example', l)).backup.board);
    const shape = (x: Backup['board']) => x.cards.map((c) => [c.id, c.stage, c.lane, c.kind, c.valence, c.moment, c.effect, c.deckCardId, c.persona]);
    expect(shape(a)).toEqual(shape(b));
    expect(a.votes).toEqual(b.votes);
    expect(a.facilitation).toEqual(b.facilitation);
    const notes = a.cards.filter((c) => !c.deckCardId);
    notes.forEach((c) => expect(c.text).not.toBe(b.cards.find((x) => x.id === c.id)?.text));
  });
});
