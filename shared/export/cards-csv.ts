import type * as Y from 'yjs';
import { roots } from '../doc/board-doc';
import { readAxis, readCards, readMeta } from '../doc/read';
import { compareByOrder } from '../order';
import { readVote, tallies } from '../commands/votes';
import { CARD_LABELS } from '../card-layout/labels';
import type { CardData } from '../doc/schema';
import { cardPersona, readPersonas } from '../personas/read-personas';
import { ideaEffectOf } from '../insights/clv-board';
import { laneOf } from '../insights/method-roles';

export const CSV_COLUMNS = ['id', 'stage', 'lane', 'position', 'kind', 'text', 'author', 'valence', 'votes', 'answer', 'persona', 'effect'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export interface CsvOptions {
  /** ';' for spreadsheets set up for Italian (and most of Europe), ',' for English ones. */
  separator: ',' | ';';
  /** Column headings, in the reader's language. */
  headings: Record<CsvColumn, string>;
}

/**
 * The cards as CSV for spreadsheets (RFC 4180): UTF-8 with a byte-order mark (so Excel reads accented
 * letters right), CRLF line ends, cards in map order (stage, lane, position in the cell).
 *
 * Numbers stay numbers: position (1, 2, … within its cell), valence (−2…2), votes and an idea's expected
 * effect (percent of its stage's lever, docs/insights.md) are written bare,
 * so a spreadsheet can sum and sort them. Every text field is quoted, and one that starts with a
 * character a spreadsheet would take as the start of a formula (= + - @, tab, carriage return, or
 * their full-width forms ＝ ＋ － ＠) gets a leading ' so it is shown as text and never run.
 * The kind is written in the board's language ("Emozione", "Emotion"); `id` is the card's stable id.
 */
export function cardsToCsv(doc: Y.Doc, opts: CsvOptions): string {
  const stages = readAxis(roots(doc).stages);
  const lanes = readAxis(roots(doc).lanes);
  const labels = CARD_LABELS[readMeta(doc).locale === 'it' ? 'it' : 'en'];
  const stageIdx = new Map(stages.map((s, i) => [s.id, i]));
  const laneIdx = new Map(lanes.map((l, i) => [l.id, i]));
  const at = (m: Map<string, number>, k: string) => m.get(k) ?? Number.MAX_SAFE_INTEGER;
  const personas = readPersonas(doc);
  const ideasLane = laneOf(lanes, 'ideas');
  const votes = readVote(doc) ? new Map(tallies(doc).map((t) => [t.cardId, t.dots])) : null;
  const cards = readCards(doc).sort(
    (a, b) => at(stageIdx, a.stage) - at(stageIdx, b.stage) || at(laneIdx, a.lane) - at(laneIdx, b.lane) || compareByOrder(a, b),
  );
  const title = (list: { id: string; title: string }[], id: string) => list.find((x) => x.id === id)?.title ?? id;
  const kindWord = (c: CardData): string => {
    if (c.kind === 'moment' && c.moment && Object.hasOwn(labels.moments, c.moment)) return labels.moments[c.moment as keyof typeof labels.moments];
    return Object.hasOwn(labels.kinds, c.kind) ? labels.kinds[c.kind as keyof typeof labels.kinds] : c.kind;
  };
  const sep = opts.separator;
  const lines = [CSV_COLUMNS.map((k) => textField(opts.headings[k])).join(sep)];
  let cell = '';
  let position = 0;
  for (const c of cards) {
    const here = `${c.stage}\u0000${c.lane}`;
    position = here === cell ? position + 1 : 1;
    cell = here;
    const row: Record<CsvColumn, string> = {
      id: textField(c.id),
      stage: textField(title(stages, c.stage)),
      lane: textField(title(lanes, c.lane)),
      position: String(position),
      kind: textField(kindWord(c)),
      text: textField(c.text),
      author: textField(c.author),
      valence: numberField(c.valence, sep === ';'),
      votes: votes ? String(votes.get(c.id) ?? 0) : '',
      answer: textField(c.answer ?? ''),
      // The persona's name (empty: a card about every persona).
      persona: textField(cardPersona(c, personas)?.name ?? ''),
      // An idea's expected effect in percent, as the Insights panel counts it (empty: none, or not an idea).
      effect: numberField(ideaEffectOf(c, ideasLane)?.pct, sep === ';'),
    };
    lines.push(CSV_COLUMNS.map((k) => row[k]).join(sep));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** What a spreadsheet would evaluate at the start of a cell (OWASP "CSV injection"), full-width forms included. */
export const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A text field: guarded against formulas, quoted, quotes doubled. */
export function textField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * A number, bare: a finite number's decimal form holds no quote or line break, and its decimal mark is
 * the comma where the separator is ';' (Italian spreadsheets), so it never meets the separator. Empty when absent.
 */
function numberField(value: number | undefined, decimalComma: boolean): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return decimalComma ? String(value).replace('.', ',') : String(value);
}
