import { describe, expect, it } from 'vitest';
import type { CardData } from '../../../shared/doc/schema';
import { buildReport, isLongCard, laneMayBreak, onlyRepeats, reportPeople, withoutRepeatedTitle } from './report-model';

const stages = [
  { id: 'purchase', title: 'Acquisto' },
  { id: 'use', title: 'Utilizzo' },
];
const lanes = [
  { id: 'emotions', title: 'Emozioni' },
  { id: 'ideas', title: 'Idee' },
];
let n = 0;
function card(stage: string, lane: string, extra: Partial<CardData> = {}): CardData {
  n++;
  return { id: `c${n}`, kind: 'note', text: `card ${n}`, stage, lane, order: `a${n}`, color: '#fff3a3', author: 'Anna', createdAt: n, ...extra };
}
const c = {
  joy: card('use', 'emotions', { kind: 'emotion', valence: 2 }),
  fear: card('purchase', 'emotions', { kind: 'emotion', valence: -1 }),
  idea1: card('purchase', 'ideas', { text: 'Più caffè' }),
  idea2: card('use', 'ideas', { text: 'Consegna' }),
  idea3: card('use', 'ideas', { text: 'App' }),
  truth: card('use', 'emotions', { kind: 'moment', moment: 'truth', text: 'Primo morso' }),
  question: card('purchase', 'ideas', { kind: 'question', text: 'Perché?', answer: 'Perché sì' }),
  lost: card('gone', 'ideas', { kind: 'question', text: 'Dove?' }),
};
const cards = Object.fromEntries(Object.values(c).map((x) => [x.id, x]));
const vote = { id: 'v1', dots: 3, lane: null, open: false, revealed: true };

describe('buildReport', () => {
  it('groups the cards stage by stage and lane by lane, in map order', () => {
    const r = buildReport({ stages, lanes, cards, vote: null, tallies: [] });
    expect(r.stages.map((s) => s.count)).toEqual([3, 4]);
    expect(r.stages[1].lanes[0].cards.map((x) => x.id)).toEqual([c.joy.id, c.truth.id]);
    expect(r.unplaced.map((x) => x.id)).toEqual([c.lost.id]);
    expect(r.cardCount).toBe(8);
    expect(r.curve.map((p) => p.median)).toEqual([-1, 2]);
  });

  it('lists each key moment with where it is on the map', () => {
    const r = buildReport({ stages, lanes, cards, vote: null, tallies: [] });
    expect(r.moments.map((m) => [m.moment, m.places.map((p) => p.stage.id)])).toEqual([
      ['trigger', []],
      ['truth', ['use']],
      ['medal', []],
    ]);
  });

  it('ranks the ideas by revealed dots, ties sharing a rank, and adds voted cards outside the lane', () => {
    const tallies = [
      { cardId: c.idea2.id, dots: 4 },
      { cardId: c.idea1.id, dots: 2 },
      { cardId: c.idea3.id, dots: 2 },
      { cardId: c.joy.id, dots: 1 },
    ];
    const r = buildReport({ stages, lanes, cards, vote, tallies });
    expect(r.ideas.state).toBe('ranked');
    expect(r.ideas.items.map((i) => [i.card.text, i.rank, i.dots])).toEqual([
      ['Consegna', 1, 4],
      ['Più caffè', 2, 2],
      ['App', 2, 2],
      ['card 1', 4, 1],
    ]);
    // The question in the Ideas lane is not an idea: it is listed with the questions.
    expect(r.questions.map((q) => q.card.text)).toContain('Perché?');
  });

  it('never shows dots of a vote that is not revealed', () => {
    const r = buildReport({ stages, lanes, cards, vote: { ...vote, open: true, revealed: false }, tallies: [{ cardId: c.idea3.id, dots: 9 }] });
    expect(r.ideas.state).toBe('hidden');
    expect(r.ideas.items.every((i) => i.dots === null && i.rank === null)).toBe(true);
    expect(r.ideas.items.map((i) => i.card.text)).toEqual(['Più caffè', 'Consegna', 'App']);
    expect(buildReport({ stages, lanes, cards, vote: null, tallies: [] }).ideas.state).toBe('none');
  });

  it('collects the questions with their answers, placed or not', () => {
    const r = buildReport({ stages, lanes, cards, vote: null, tallies: [] });
    expect(r.questions.map((q) => [q.card.text, q.card.answer, q.stage?.id])).toEqual([
      ['Perché?', 'Perché sì', 'purchase'],
      ['Dove?', undefined, undefined],
    ]);
  });
});

describe('the cover and the moments', () => {
  it('names the facilitators and the participants once each', () => {
    const p = reportPeople({
      cards,
      me: { name: 'Marta', facilitator: true },
      peers: [
        { name: 'Luca', role: 'participant' },
        { name: 'Sara', role: 'facilitator' },
        { name: 'Anna', role: 'viewer' },
      ],
    });
    expect(p).toEqual({ facilitators: ['Marta', 'Sara'], participants: ['Anna', 'Luca'] });
  });

  it('does not repeat a moment card whose text is its moment’s name', () => {
    expect(onlyRepeats(' momento della verità ', 'Momento della Verità')).toBe(true);
    expect(onlyRepeats('Primo morso', 'Momento della Verità', 'Momento chiave')).toBe(false);
    expect(onlyRepeats('', 'x')).toBe(true);
    // A deck's moment card: its name, a blank line, what the method says of it. The name is dropped.
    expect(withoutRepeatedTitle('Moment of Truth\n\nThe passage from buying to using.', 'Moment of Truth')).toBe('The passage from buying to using.');
    expect(withoutRepeatedTitle(' momento della verità\nPrimo morso ', 'Momento della Verità')).toBe('Primo morso');
    expect(withoutRepeatedTitle('Moment of Truth is near\nsoon', 'Moment of Truth')).toBe('Moment of Truth is near\nsoon');
    expect(onlyRepeats('Moment of Truth\n\nThe passage', 'Moment of Truth')).toBe(false);
  });
});

describe('printing: what may run on to the next page', () => {
  it('lets a card of more than 600 characters (text and answer) break, and keeps shorter ones whole', () => {
    expect(isLongCard(card('use', 'ideas', { text: 'x'.repeat(600) }))).toBe(false);
    expect(isLongCard(card('use', 'ideas', { text: 'x'.repeat(601) }))).toBe(true);
    expect(isLongCard(card('use', 'ideas', { kind: 'question', text: 'x'.repeat(300), answer: 'y'.repeat(301) }))).toBe(true);
  });

  it('keeps a lane whole unless it has a long card or more than eight cards', () => {
    const short = Array.from({ length: 8 }, () => card('use', 'ideas'));
    expect(laneMayBreak(short)).toBe(false);
    expect(laneMayBreak([...short, card('use', 'ideas')])).toBe(true);
    expect(laneMayBreak([card('use', 'ideas'), card('use', 'ideas', { text: 'pane '.repeat(800) })])).toBe(true);
  });
});
