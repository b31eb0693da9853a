import type { AxisChange, CardChange, EditedField, Place } from '../../../shared/history/board-changes';
import { formatValence } from '../../../shared/decks/emotion-curve';

/** The translate function's shape (i18next's `t`), so the wording is unit-tested without React. */
export type Translate = (key: string, opts?: Record<string, unknown>) => string;

const EXCERPT = 60;

/** A card as a short quote: its first line, cut at a word near 60 characters; a kind name when empty. */
export function cardExcerpt(card: { text: string; kind: string }, t: Translate): string {
  const line = card.text.trim().split('\n')[0].trim();
  if (!line) return card.kind !== 'note' ? t(`decks.kinds.${card.kind}`, { defaultValue: card.kind }) : t('boardHistory.change.emptyCard');
  if (line.length <= EXCERPT) return line;
  const cut = line.slice(0, EXCERPT);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function placeWords(p: Place, t: Translate): string {
  if (!p.stageTitle || !p.laneTitle) return t('boardHistory.change.noPlace');
  return t('boardHistory.change.place', { stage: p.stageTitle, lane: p.laneTitle });
}

function fieldWords(c: CardChange, t: Translate, sep: string): string {
  const word = (f: EditedField) => {
    if (f === 'valence') {
      const v = (x: number | undefined) => (typeof x === 'number' ? formatValence(x, sep) : '—');
      return t('boardHistory.change.fields.valence', { before: v(c.before?.valence), after: v(c.card.valence) });
    }
    if (f === 'votes') return t('boardHistory.change.fields.votes', { before: c.votes?.before ?? 0, after: c.votes?.after ?? 0 });
    return t(`boardHistory.change.fields.${f}`);
  };
  return c.fields.map(word).join(', ');
}

/** One change as a sentence: "Moved “Asks a friend” from Awareness · Activities to Consideration · Channels". */
export function changeSentence(c: CardChange, t: Translate, decimalSeparator = '.'): string {
  const card = cardExcerpt(c.card, t);
  const lane = c.place.laneTitle || t('boardHistory.change.noPlace');
  switch (c.change) {
    case 'added':
      return t('boardHistory.change.addedIn', { card, lane });
    case 'removed':
      return t('boardHistory.change.removedFrom', { card, lane });
    case 'moved': {
      const moved = t('boardHistory.change.movedFromTo', { card, from: placeWords(c.from!, t), to: placeWords(c.place, t) });
      return c.fields.length ? moved + t('boardHistory.change.alsoEdited', { fields: fieldWords(c, t, decimalSeparator) }) : moved;
    }
    case 'edited':
      return t('boardHistory.change.editedWhat', { card, fields: fieldWords(c, t, decimalSeparator) });
  }
}

/** A stage or lane added, removed or renamed, as a sentence. */
export function axisSentence(a: AxisChange, t: Translate): string {
  const key = `boardHistory.change.axis.${a.axis}${a.change[0].toUpperCase()}${a.change.slice(1)}`;
  return t(key, { title: a.title, old: a.oldTitle ?? '' });
}
