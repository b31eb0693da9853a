import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCard } from '../commands/cards';
import { changeDot, startVote } from '../commands/votes';
import { initBoardDoc } from '../doc/board-doc';
import { addPersona, setCardPersona } from '../commands/personas';
import { setIdeaEffect } from '../commands/clv';
import { CSV_COLUMNS, FORMULA_START, cardsToCsv } from './cards-csv';

const HEADINGS = {
  it: { id: 'ID', stage: 'Fase', lane: 'Corsia', position: 'Posizione', kind: 'Tipo', text: 'Testo', author: 'Autore', valence: 'Valenza', votes: 'Voti', answer: 'Risposta', persona: 'Persona', effect: 'Effetto atteso (%)' },
  en: { id: 'ID', stage: 'Stage', lane: 'Lane', position: 'Position', kind: 'Kind', text: 'Text', author: 'Author', valence: 'Valence', votes: 'Votes', answer: 'Answer', persona: 'Persona', effect: 'Expected effect (%)' },
};

interface Field {
  value: string;
  quoted: boolean;
}

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; says which fields were quoted. */
function parse(csv: string, sep: string): Field[][] {
  const rows: Field[][] = [];
  let row: Field[] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (inQuotes) {
      if (ch === '"' && csv[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') inQuotes = false;
      else field += ch;
    } else if (ch === '"') {
      if (field !== '' || quoted) throw new Error(`a quote inside an unquoted field at ${i}`);
      inQuotes = quoted = true;
    } else if (ch === sep) row.push({ value: field, quoted }), (field = ''), (quoted = false);
    else if (ch === '\r' && csv[i + 1] === '\n') row.push({ value: field, quoted }), rows.push(row), (row = []), (field = ''), (quoted = false), i++;
    else if (ch === '\r' || ch === '\n') throw new Error(`a bare line break outside quotes at ${i}`);
    else field += ch;
  }
  if (field !== '' || row.length) throw new Error('the last record does not end with CRLF');
  return rows;
}

/** A program reading the file back drops the guard's one leading ' (docs/backup-format.md#csv). */
const unguard = (v: string) => (v.startsWith("'") && FORMULA_START.test(v.slice(1)) ? v.slice(1) : v);

/** What a spreadsheet makes of a bare field: a number when it reads as one in that locale. */
const asNumber = (f: Field, decimalComma: boolean) => (f.quoted || f.value === '' ? NaN : Number(decimalComma ? f.value.replace(',', '.') : f.value));

function board(locale: 'it' | 'en'): { doc: Y.Doc; ids: Record<string, string> } {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'T', locale, createdAt: 1 });
  const ids = {
    idea: addCard(doc, { stage: 'use', lane: 'ideas', text: 'Più "caffè";\nsubito', author: 'Niccolò' }),
    // Card ids are base64url: one may start with '-', and is guarded like any text.
    idea2: addCard(doc, { id: '-dash-id', stage: 'use', lane: 'ideas', text: '-2 % sul prezzo', author: '@anna' }),
    sad: addCard(doc, { stage: 'awareness', lane: 'emotions', kind: 'emotion', text: 'Delusione', extra: { valence: -2 } }),
    glad: addCard(doc, { stage: 'awareness', lane: 'emotions', kind: 'emotion', text: 'Curiosità', extra: { valence: 1 } }),
    formula: addCard(doc, { stage: 'awareness', lane: 'activities', kind: 'activity', text: '=HYPERLINK("http://x","y")' }),
    truth: addCard(doc, { stage: 'use', lane: 'emotions', kind: 'moment', text: 'Primo morso', extra: { moment: 'truth' } }),
    question: addCard(doc, { stage: 'purchase', lane: 'goals', kind: 'question', text: 'Perché?', extra: { answer: '+39 in risposta' } }),
  };
  setIdeaEffect(doc, ids.idea, 7.5);
  startVote(doc, 3, null);
  changeDot(doc, 'p', ids.idea, 1);
  changeDot(doc, 'p', ids.idea, 1);
  changeDot(doc, 'p', ids.sad, 1);
  return { doc, ids };
}

describe('cards as CSV', () => {
  for (const locale of ['it', 'en'] as const) {
    const sep = locale === 'it' ? ';' : ',';
    it(`parses back with numbers as numbers and kinds in the board's language (${locale})`, () => {
      const { doc, ids } = board(locale);
      const csv = cardsToCsv(doc, { separator: sep, headings: HEADINGS[locale] });
      expect(csv.startsWith('\uFEFF')).toBe(true);
      expect(csv.endsWith('\r\n')).toBe(true);
      const rows = parse(csv.slice(1), sep);
      expect(rows[0].map((f) => f.value)).toEqual(CSV_COLUMNS.map((k) => HEADINGS[locale][k]));
      expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
      const col = (k: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(k);
      expect(rows.find((r) => r[col('id')].value === "'-dash-id")).toBeDefined();
      const byId = new Map(rows.slice(1).map((r) => [unguard(r[col('id')].value), r]));
      expect([...byId.keys()].sort()).toEqual(Object.values(ids).sort());

      // Map order: stage, lane, position in the cell.
      expect(rows.slice(1).map((r) => unguard(r[col('id')].value))).toEqual([ids.formula, ids.sad, ids.glad, ids.question, ids.truth, ids.idea, ids.idea2]);
      const num = (id: string, k: 'position' | 'valence' | 'votes') => asNumber(byId.get(id)![col(k)], sep === ';');
      expect([num(ids.sad, 'position'), num(ids.glad, 'position'), num(ids.idea, 'position'), num(ids.idea2, 'position')]).toEqual([1, 2, 1, 2]);
      expect(num(ids.sad, 'valence')).toBe(-2);
      expect(num(ids.glad, 'valence')).toBe(1);
      expect(num(ids.idea, 'votes')).toBe(2);
      expect(num(ids.idea2, 'votes')).toBe(0);
      // The sum a spreadsheet would make of the valence column.
      expect(rows.slice(1).reduce((s, r) => s + (asNumber(r[col('valence')], sep === ';') || 0), 0)).toBe(-1);
      expect(byId.get(ids.idea)![col('valence')]).toEqual({ value: '', quoted: false });
      // An idea's expected effect is a number too; cards without one (or not ideas) leave it empty.
      expect(asNumber(byId.get(ids.idea)![col('effect')], sep === ';')).toBe(7.5);
      expect(byId.get(ids.idea)![col('effect')].value).toBe(locale === 'it' ? '7,5' : '7.5');
      expect(byId.get(ids.idea2)![col('effect')]).toEqual({ value: '', quoted: false });
      expect(byId.get(ids.sad)![col('effect')]).toEqual({ value: '', quoted: false });

      const kinds = Object.fromEntries([...byId].map(([id, r]) => [id, r[col('kind')].value]));
      expect([kinds[ids.sad], kinds[ids.formula], kinds[ids.question], kinds[ids.idea], kinds[ids.truth]]).toEqual(
        locale === 'it' ? ['Emozione', 'Attività', 'Domanda', 'Nota', 'Momento della Verità'] : ['Emotion', 'Activity', 'Question', 'Note', 'Moment of Truth'],
      );
      // Text comes back as written, accents, quotes, separators and line breaks included; formulas guarded.
      const text = (id: string, k: 'text' | 'author' | 'answer' | 'stage' | 'lane') => byId.get(id)![col(k)];
      expect(text(ids.idea, 'text')).toEqual({ value: 'Più "caffè";\nsubito', quoted: true });
      expect(text(ids.idea, 'author').value).toBe('Niccolò');
      expect(text(ids.formula, 'text').value).toBe('\'=HYPERLINK("http://x","y")');
      expect(text(ids.idea2, 'text').value).toBe("'-2 % sul prezzo");
      expect(text(ids.idea2, 'author').value).toBe("'@anna");
      expect(text(ids.question, 'answer').value).toBe("'+39 in risposta");
      expect(text(ids.sad, 'stage').value).toBe(locale === 'it' ? 'Consapevolezza' : 'Awareness');
      expect(text(ids.sad, 'lane').value).toBe(locale === 'it' ? 'Emozioni' : 'Emotions');
    });
  }

  it('guards every form a spreadsheet evaluates, and only those', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'T', locale: 'en', createdAt: 1 });
    const risky = ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '＝1+1', '＋1', '－1', '＠x'];
    const safe = ['1+1', 'a=b', ' =1', "'quoted", 'x-1', '€5'];
    for (const text of [...risky, ...safe]) addCard(doc, { stage: 'use', lane: 'ideas', text });
    const rows = parse(cardsToCsv(doc, { separator: ',', headings: HEADINGS.en }).slice(1), ',');
    const texts = rows.slice(1).map((r) => r[CSV_COLUMNS.indexOf('text')].value);
    expect(texts).toEqual([...risky.map((t) => `'${t}`), ...safe]);
  });

  it('names the persona a card is tagged with; empty for untagged cards and tags naming no persona', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'T', locale: 'en', createdAt: 1 });
    const maria = addPersona(doc, { name: '=Maria, "the owner"' })!;
    const tagged = addCard(doc, { stage: 'use', lane: 'ideas', text: 'a' });
    addCard(doc, { stage: 'use', lane: 'ideas', text: 'b' });
    const stale = addCard(doc, { stage: 'use', lane: 'ideas', text: 'c' });
    setCardPersona(doc, tagged, maria);
    setCardPersona(doc, stale, 'gone');
    const rows = parse(cardsToCsv(doc, { separator: ',', headings: HEADINGS.en }).slice(1), ',');
    expect(rows.slice(1).map((r) => r[CSV_COLUMNS.indexOf('persona')])).toEqual([
      { value: '\'=Maria, "the owner"', quoted: true },
      { value: '', quoted: true },
      { value: '', quoted: true },
    ]);
  });

  it('writes no vote column values without a vote', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'T', locale: 'en', createdAt: 1 });
    addCard(doc, { stage: 'use', lane: 'ideas', text: 'x' });
    const rows = parse(cardsToCsv(doc, { separator: ',', headings: HEADINGS.en }).slice(1), ',');
    expect(rows[1][CSV_COLUMNS.indexOf('votes')]).toEqual({ value: '', quoted: false });
  });
});
