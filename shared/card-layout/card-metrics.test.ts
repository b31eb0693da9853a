import { describe, expect, it } from 'vitest';
import type { CardData } from '../doc/schema';
import { momentsDeck } from '../decks/builtin/moments';
import { deckCardText } from '../decks/deck-to-card';
import { wrapText } from '../text/measure';
import { CARD, CARD_TEXT, cardMetrics } from './card-metrics';
import { CARD_LABELS } from './labels';

const card = (over: Partial<CardData>): CardData => ({
  id: 'c', kind: 'note', text: '', stage: 'use', lane: 'goals', order: 'a0', color: '#fff3a3', author: '', createdAt: 0, ...over,
});

describe('card metrics', () => {
  it('gives the three moments room for their full names in Italian and English', () => {
    for (const locale of ['it', 'en'] as const) {
      for (const deckCard of momentsDeck.cards) {
        const m = cardMetrics(card({ kind: 'moment', moment: deckCard.moment, text: deckCardText(deckCard, locale) }));
        expect(m.text.truncated).toBe(false);
        expect(m.text.text).toBe(deckCard.title[locale]);
        // The name the kicker may show in the other language fits too (no ellipsis anywhere).
        expect(CARD_LABELS[locale].moments[deckCard.moment!]).toBe(deckCard.title[locale]);
        expect(m.h).toBeGreaterThanOrEqual(CARD.minH);
      }
    }
    expect(CARD_LABELS.it.moments.truth).toBe('Momento della Verità');
    expect(CARD_LABELS.en.moments.trigger).toBe('Trigger moment');
  });

  it('sizes a moment whose name needs more lines taller', () => {
    const short = cardMetrics(card({ kind: 'moment', moment: 'truth', text: 'Truth' }));
    const long = cardMetrics(card({ kind: 'moment', moment: 'truth', text: 'Il momento in cui il cliente scopre se le promesse erano vere' }));
    expect(long.h).toBeGreaterThan(short.h);
    expect(long.text.truncated).toBe(false);
  });

  it('grows a note with its text and never shows fewer lines than it has', () => {
    const one = cardMetrics(card({ text: 'Short' }));
    const many = cardMetrics(card({ text: 'A note that needs several lines on a card of this width, and more. '.repeat(3) }));
    expect(one.h).toBe(CARD.minH);
    expect(many.h).toBeGreaterThan(CARD.minH);
    expect(many.truncated).toBe(false);
    const lines = wrapText(many.text.text, CARD_TEXT.body, CARD.w - 2 * CARD.padX).length;
    expect(many.h).toBeGreaterThanOrEqual(2 * CARD.padY + lines * CARD_TEXT.body.lineHeight);
  });

  it('shows a generous excerpt of a 4,000-character note, and all of it expanded', () => {
    const text = 'customer journey experience '.repeat(200).slice(0, 4000);
    const m = cardMetrics(card({ text }));
    expect(m.truncated).toBe(true);
    expect(m.text.text.endsWith('…')).toBe(true);
    expect(wrapText(m.text.text, CARD_TEXT.body, CARD.w - 2 * CARD.padX)).toHaveLength(CARD.maxTextLines);
    expect(m.text.text.length).toBeGreaterThan(200);
    expect(text.startsWith(m.text.text.slice(0, -1))).toBe(true);
    expect(m.expandedH).toBeGreaterThan(m.h);
  });

  it('makes room for a question’s answer and for the kind label of either language', () => {
    const q = (answer: string) => cardMetrics(card({ kind: 'question', text: 'What did we promise?', answer }));
    expect(q('').answer).toBeNull();
    expect(q('A long answer that the team wrote together, with several clauses and more words.').h).toBeGreaterThan(q('Yes').h);
    expect(q('Yes').answer?.text).toBe('Yes');
    const emotion = cardMetrics(card({ kind: 'emotion', valence: -2, text: 'Frustration\n\n“I waited forty minutes at the counter, then they told me the bike was not there.”' }));
    expect(emotion.truncated).toBe(false);
    expect(emotion.shape).toBe('kind');
  });

  it('caches by card object and measures again when the card changes', () => {
    const a = card({ text: 'one' });
    expect(cardMetrics(a)).toBe(cardMetrics(a));
    expect(cardMetrics({ ...a, text: 'one\ntwo\nthree\nfour\nfive' }).h).toBeGreaterThan(cardMetrics(a).h);
  });
});
