import { describe, expect, it } from 'vitest';
import { emotionsDeck } from '../../../shared/decks/builtin';
import { MAX_DECK_BYTES, type Deck } from '../../../shared/decks/deck-schema';
import { checkDeckFile, checkDeckText, deckFileText } from './deck-import';

const custom: Deck = {
  formatVersion: 1,
  id: 'acme-after-sale',
  title: { it: 'Dopo la vendita', en: 'After the sale' },
  cards: [{ id: 'left-alone', kind: 'emotion', valence: -2, title: { it: 'Sentirsi abbandonato', en: 'Feeling abandoned' } }],
};

describe('checkDeckText', () => {
  it('accepts a valid custom deck whole', () => {
    expect(checkDeckText(JSON.stringify(custom))).toEqual({ ok: true, deck: custom });
  });

  it('refuses the id of a built-in deck, even for a valid file', () => {
    const r = checkDeckText(deckFileText(emotionsDeck));
    expect(r).toEqual({ ok: false, errors: [{ code: 'builtin_id', path: 'id', params: { id: 'emotions' } }], more: 0 });
  });

  it('reports the first problems and counts the rest', () => {
    const cards = Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, kind: 'goal', title: { en: 'x' } }));
    const r = checkDeckText(JSON.stringify({ ...custom, cards }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(5);
      expect(r.more).toBe(3);
      expect(r.errors[0]).toMatchObject({ code: 'required', path: 'cards[0].title.it' });
    }
  });

  it('round-trips an exported deck', () => {
    expect(checkDeckText(deckFileText(custom))).toEqual({ ok: true, deck: custom });
  });
});

describe('checkDeckFile', () => {
  it('refuses an oversized file without reading it', async () => {
    let read = false;
    const r = await checkDeckFile({ size: MAX_DECK_BYTES + 1, text: async () => ((read = true), '{}') });
    expect(read).toBe(false);
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'too_large', params: { maxBytes: MAX_DECK_BYTES } }] });
  });

  it('reports a file that cannot be read', async () => {
    const r = await checkDeckFile({ size: 10, text: () => Promise.reject(new Error('gone')) });
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'read_failed', path: '' }] });
  });
});
