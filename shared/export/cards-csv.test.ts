import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCard } from '../commands/cards';
import { changeDot, startVote } from '../commands/votes';
import { initBoardDoc } from '../doc/board-doc';
import { cardsToCsv } from './cards-csv';

const headings = { stage: 'Fase', lane: 'Corsia', kind: 'Tipo', text: 'Testo', author: 'Autore', valence: 'Valenza', votes: 'Voti', answer: 'Risposta' };

/** A small RFC 4180 reader, to check the output the way a spreadsheet would read it. */
function parse(csv: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) row.push(field), (field = '');
    else if (ch === '\r' && csv[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}

describe('cards as CSV', () => {
  it('writes one row per card with titles, accents, quotes, newlines, valence and votes', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'T', locale: 'it', createdAt: 1 });
    const a = addCard(doc, { stage: 'use', lane: 'ideas', text: 'Più "caffè";\nsubito', author: 'Niccolò' });
    addCard(doc, { stage: 'awareness', lane: 'emotions', kind: 'emotion', text: 'Curiosità', extra: { valence: 1 } });
    addCard(doc, { stage: 'awareness', lane: 'activities', text: '=HYPERLINK("x")' });
    startVote(doc, 2, null);
    changeDot(doc, 'p', a, 1);
    changeDot(doc, 'p', a, 1);
    const csv = cardsToCsv(doc, { separator: ';', headings });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv.slice(1), ';');
    expect(rows[0]).toEqual(Object.values(headings));
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['Consapevolezza', 'Attività', "'=HYPERLINK(\"x\")"],
      ['Consapevolezza', 'Emozioni', 'Curiosità'],
      ['Utilizzo', 'Idee', 'Più "caffè";\nsubito'],
    ]);
    expect(rows[3][4]).toBe('Niccolò');
    expect(rows[3][6]).toBe('2');
    expect(rows[2][5]).toBe('1');
  });
});
