import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_DECK_BYTES, MAX_DECK_CARDS } from './deck-schema';
import { formatPath, MAX_REPORTED_ERRORS, parseDeckJson, validateDeck, type DeckParseResult } from './validate-deck';

const title = (en: string) => ({ it: `${en} (it)`, en });

function deckWith(cards: unknown[], extra: Record<string, unknown> = {}) {
  return { formatVersion: 1, id: 'test-deck', title: title('Test'), cards, ...extra };
}
const note = (id: string) => ({ id, kind: 'note', title: title(id) });
const json = (v: unknown) => JSON.stringify(v);

function errorsOf(r: DeckParseResult) {
  if (r.ok) throw new Error('expected the deck to be rejected');
  return r.errors;
}

describe('parseDeckJson', () => {
  it('accepts a valid deck, trimming texts', () => {
    const r = parseDeckJson(json(deckWith([{ ...note('a'), title: { it: ' Ciao ', en: 'Hi' } }])));
    expect(r).toEqual({
      ok: true,
      deck: { formatVersion: 1, id: 'test-deck', title: title('Test'), cards: [{ id: 'a', kind: 'note', title: { it: 'Ciao', en: 'Hi' } }] },
    });
  });

  it('accepts a file starting with a byte-order mark', () => {
    expect(parseDeckJson('\uFEFF' + json(deckWith([note('a')]))).ok).toBe(true);
  });

  it.each(['', '{', 'hello', "{ id: 'x' }"])('rejects text that is not JSON: %j', (text) => {
    const [e, ...rest] = errorsOf(parseDeckJson(text));
    expect(rest).toEqual([]);
    expect(e.code).toBe('not_json');
    expect(e.path).toBe('');
    expect(e.message).toMatch(/^not valid JSON/);
  });

  it('rejects a file over the size limit before parsing it', () => {
    const big = json(deckWith([{ ...note('a'), text: { it: 'x'.repeat(MAX_DECK_BYTES), en: 'x' } }]));
    expect(errorsOf(parseDeckJson(big))).toEqual([
      { code: 'too_large', path: '', message: 'the file is larger than 256 KiB', params: { maxBytes: MAX_DECK_BYTES } },
    ]);
  });

  it('counts the size in UTF-8 bytes, not characters', () => {
    const text = json(deckWith([{ ...note('a'), text: { it: 'è'.repeat(300), en: 'e' } }]));
    expect(text.length).toBeLessThan(600);
    expect(parseDeckJson(text, { maxBytes: 600 }).ok).toBe(false);
    expect(parseDeckJson(text, { maxBytes: 1000 }).ok).toBe(true);
    expect(errorsOf(parseDeckJson(text, { maxBytes: 600 }))[0].code).toBe('too_large');
  });

  it('rejects JSON that is not an object', () => {
    expect(errorsOf(parseDeckJson('[]'))).toEqual([
      { code: 'wrong_type', path: '', message: 'expected an object, got an array', params: { expected: 'object' } },
    ]);
  });

  it('names every missing top-level field', () => {
    const errors = errorsOf(parseDeckJson(json({ formatVersion: 1 })));
    expect(errors.map((e) => e.message)).toEqual(['id: required', 'title: required', 'cards: required']);
    expect(errors.every((e) => e.code === 'required')).toBe(true);
  });

  it('names a missing translation precisely', () => {
    const cards = [note('a'), note('b'), note('c'), { id: 'd', kind: 'note', title: { en: 'Only English' } }];
    expect(errorsOf(parseDeckJson(json(deckWith(cards))))).toEqual([
      { code: 'required', path: 'cards[3].title.it', message: 'cards[3].title.it: required' },
    ]);
  });

  it('rejects empty and too long texts', () => {
    const cards = [{ id: 'a', kind: 'note', title: { it: '   ', en: 'x'.repeat(121) } }];
    const errors = errorsOf(validateDeck(deckWith(cards)));
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['empty', 'cards[0].title.it'],
      ['too_long', 'cards[0].title.en'],
    ]);
    expect(errors[1].params).toEqual({ max: 120 });
  });

  it('reports duplicate card ids, pointing at the first use', () => {
    const errors = errorsOf(validateDeck(deckWith([note('a'), note('b'), note('a')])));
    expect(errors).toEqual([
      {
        code: 'duplicate_id',
        path: 'cards[2].id',
        message: 'cards[2].id: duplicate card id "a" (already used by cards[0])',
        params: { id: 'a', firstIndex: 0 },
      },
    ]);
  });

  it('reports duplicates alongside other problems, in card order', () => {
    const cards = [note('a'), { id: 'b', kind: 'note', title: { it: 'x' } }, note('a')];
    expect(errorsOf(validateDeck(deckWith(cards))).map((e) => e.path)).toEqual(['cards[1].title.en', 'cards[2].id']);
  });

  it('requires a valence on emotion cards, and only there', () => {
    const cards = [
      { id: 'e', kind: 'emotion', title: title('Joy') },
      { id: 'f', kind: 'activity', title: title('Buys'), valence: 1 },
      { id: 'g', kind: 'emotion', title: title('Hype'), valence: 3 },
      { id: 'h', kind: 'emotion', title: title('Meh'), valence: 0.5 },
    ];
    const errors = errorsOf(validateDeck(deckWith(cards)));
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['required', 'cards[0].valence'],
      ['not_allowed', 'cards[1].valence'],
      ['out_of_range', 'cards[2].valence'],
      ['wrong_type', 'cards[3].valence'],
    ]);
    expect(errors[0].message).toBe('cards[0].valence: required for an emotion card (an integer from -2 to +2)');
  });

  it('checks the valence even when the emotion card has other problems', () => {
    const errors = errorsOf(validateDeck(deckWith([{ id: 'e', kind: 'emotion', title: { en: 'Joy' } }])));
    expect(errors.map((e) => e.path)).toEqual(['cards[0].title.it', 'cards[0].valence']);
  });

  it('requires a moment on moment cards, and only there', () => {
    const cards = [
      { id: 'm', kind: 'moment', title: title('Truth') },
      { id: 'n', kind: 'note', title: title('Note'), moment: 'truth' },
      { id: 'o', kind: 'moment', title: title('Other'), moment: 'zero' },
    ];
    expect(errorsOf(validateDeck(deckWith(cards))).map((e) => [e.code, e.path])).toEqual([
      ['required', 'cards[0].moment'],
      ['not_allowed', 'cards[1].moment'],
      ['invalid_value', 'cards[2].moment'],
    ]);
  });

  it('rejects unknown kinds, fields and formats', () => {
    const cards = [{ id: 'Bad Id', kind: 'sticky', title: title('x'), color: 'pink', icon: 'Smile Face', colour: '#fff' }];
    const errors = errorsOf(validateDeck(deckWith(cards)));
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['invalid_format', 'cards[0].id'],
      ['invalid_value', 'cards[0].kind'],
      ['invalid_format', 'cards[0].color'],
      ['invalid_format', 'cards[0].icon'],
      ['unknown_field', 'cards[0].colour'],
    ]);
    expect(errors[2].message).toBe('cards[0].color: expected a colour like "#ffd1dc"');
  });

  it('rejects another format version', () => {
    const [e] = errorsOf(validateDeck(deckWith([note('a')], { formatVersion: 2 })));
    expect(e).toMatchObject({ code: 'unsupported_version', path: 'formatVersion' });
  });

  it('rejects an empty deck and too many cards', () => {
    expect(errorsOf(validateDeck(deckWith([])))[0]).toMatchObject({ code: 'empty', path: 'cards' });
    const many = Array.from({ length: MAX_DECK_CARDS + 1 }, (_, i) => note(`n${i}`));
    expect(errorsOf(validateDeck(deckWith(many)))[0]).toMatchObject({ code: 'too_many_cards', params: { max: 500 } });
  });

  it('reports at most five problems, deck-level ones first, and counts the rest', () => {
    const cards = Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, kind: 'note', title: { it: 'x' } }));
    const r = validateDeck(deckWith(cards, { extra: true }));
    const errors = errorsOf(r);
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(errors[0]).toMatchObject({ code: 'unknown_field', path: 'extra' });
    expect(errors.slice(1).map((e) => e.path)).toEqual(['cards[0].title.en', 'cards[1].title.en', 'cards[2].title.en', 'cards[3].title.en']);
    expect(r.ok === false && r.more).toBe(4);
  });
});

describe('formatPath', () => {
  it('writes indexes in brackets and keys with dots', () => {
    expect(formatPath(['cards', 3, 'title', 'it'])).toBe('cards[3].title.it');
    expect(formatPath([])).toBe('');
  });
});

describe('docs/decks.md', () => {
  it('shows an example deck that is valid', () => {
    const md = readFileSync(new URL('../../docs/decks.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(md)?.[1] ?? '';
    const r = parseDeckJson(example);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});
