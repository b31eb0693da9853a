import type * as Y from 'yjs';
import { roots } from '../doc/board-doc';
import { readAxis, readCards } from '../doc/read';
import { compareByOrder } from '../order';
import { readVote, tallies } from '../commands/votes';

export interface CsvOptions {
  /** ';' for spreadsheets set up for Italian (and most of Europe), ',' for English ones. */
  separator: ',' | ';';
  /** Column headings, in the reader's language. */
  headings: { stage: string; lane: string; kind: string; text: string; author: string; valence: string; votes: string; answer: string };
}

/**
 * The cards as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads accented letters
 * right), CRLF line ends, every field quoted, cards in map order (stage, lane, position). A field that
 * starts with = + - @ is prefixed with ' so a spreadsheet shows it as text and never runs it as a formula.
 */
export function cardsToCsv(doc: Y.Doc, opts: CsvOptions): string {
  const stages = readAxis(roots(doc).stages);
  const lanes = readAxis(roots(doc).lanes);
  const stageIdx = new Map(stages.map((s, i) => [s.id, i]));
  const laneIdx = new Map(lanes.map((l, i) => [l.id, i]));
  const at = (m: Map<string, number>, k: string) => m.get(k) ?? Number.MAX_SAFE_INTEGER;
  const votes = readVote(doc) ? new Map(tallies(doc).map((t) => [t.cardId, t.dots])) : null;
  const cards = readCards(doc).sort(
    (a, b) => at(stageIdx, a.stage) - at(stageIdx, b.stage) || at(laneIdx, a.lane) - at(laneIdx, b.lane) || compareByOrder(a, b),
  );
  const title = (list: { id: string; title: string }[], id: string) => list.find((x) => x.id === id)?.title ?? id;
  const h = opts.headings;
  const rows: string[][] = [[h.stage, h.lane, h.kind, h.text, h.author, h.valence, h.votes, h.answer]];
  for (const c of cards) {
    rows.push([
      title(stages, c.stage),
      title(lanes, c.lane),
      c.kind,
      c.text,
      c.author,
      c.valence === undefined ? '' : String(c.valence),
      votes ? String(votes.get(c.id) ?? 0) : '',
      c.answer ?? '',
    ]);
  }
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(opts.separator)).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
