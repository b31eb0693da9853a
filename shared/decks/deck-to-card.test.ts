import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCard } from '../commands/cards';
import { roots } from '../doc/board-doc';
import { readCard } from '../doc/read';
import { blankDeck, emotionsDeck, momentsDeck, truthExerciseDeck } from './builtin';
import type { DeckCard } from './deck-schema';
import { deckCardToAddInput } from './deck-to-card';
import { KIND_STYLE } from './kind-style';

const target = { stage: 'use', lane: 'emotions' };
const find = (cards: DeckCard[], id: string) => cards.find((c) => c.id === id)!;

describe('deckCardToAddInput', () => {
  it('copies an emotion with its valence, in the board language', () => {
    const joy = find(emotionsDeck.cards, 'joy');
    expect(deckCardToAddInput(emotionsDeck, joy, 'it', target, 'ada')).toEqual({
      stage: 'use',
      lane: 'emotions',
      kind: 'emotion',
      text: `Gioia\n\n${joy.text!.it}`,
      color: joy.color,
      author: 'ada',
      extra: { deckCardId: 'emotions/joy', valence: 2 },
    });
  });

  it('copies a moment with its moment id', () => {
    const truth = find(momentsDeck.cards, 'truth');
    const input = deckCardToAddInput(momentsDeck, truth, 'en', target, 'bo');
    expect(input.text?.startsWith('Moment of Truth\n\n')).toBe(true);
    expect(input.extra).toEqual({ deckCardId: 'moments/truth', moment: 'truth' });
  });

  it('gives a question an empty answer', () => {
    const q = find(truthExerciseDeck.cards, 'promised');
    const input = deckCardToAddInput(truthExerciseDeck, q, 'en', target, 'bo');
    expect(input.kind).toBe('question');
    expect(input.extra).toEqual({ deckCardId: 'truth-exercise/promised', answer: '' });
  });

  it('puts a blank note on the board empty', () => {
    const input = deckCardToAddInput(blankDeck, blankDeck.cards[0], 'it', target, '');
    expect(input).toMatchObject({ kind: 'note', text: '', extra: { deckCardId: 'blank/note' } });
  });

  it('uses the title alone when there is no text, and the kind colour when the card has none', () => {
    const card: DeckCard = { id: 'walk', kind: 'activity', title: { it: 'Cammina', en: 'Walks' } };
    const input = deckCardToAddInput({ id: 'mine' }, card, 'en', target, 'x');
    expect(input.text).toBe('Walks');
    expect(input.color).toBe(KIND_STYLE.activity.color);
    expect(input.extra).toEqual({ deckCardId: 'mine/walk' });
  });

  it('writes a document card that reads back with its deck fields', () => {
    const doc = new Y.Doc();
    const q = find(truthExerciseDeck.cards, 'first-use');
    const id = addCard(doc, { ...deckCardToAddInput(truthExerciseDeck, q, 'it', target, 'ada'), now: 1 });
    const card = readCard(id, roots(doc).cards.get(id)!);
    expect(card).toMatchObject({
      kind: 'question',
      stage: 'use',
      lane: 'emotions',
      color: KIND_STYLE.question.color,
      deckCardId: 'truth-exercise/first-use',
      answer: '',
    });
    expect(card.text.startsWith('Che cosa succede al primo utilizzo?')).toBe(true);
  });
});
