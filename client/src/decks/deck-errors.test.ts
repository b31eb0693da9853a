import { describe, expect, it } from 'vitest';
import { parseDeckJson } from '../../../shared/decks/validate-deck';
import { describeImportErrors, errorKey, formatSize, type Translate } from './deck-errors';
import { decksEn } from './i18n.en';
import { decksIt } from './i18n.it';

/** A tiny stand-in for i18next: looks the key up in our resources and fills in {{placeholders}}. */
function translator(resources: object): Translate {
  return (key, params = {}) => {
    const path = key.replace(/^decks\./, '').split('.');
    const value = path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], resources);
    if (typeof value !== 'string') throw new Error(`missing key ${key}`);
    return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      if (!(name in params)) throw new Error(`missing param ${name} for ${key}`);
      return String(params[name]);
    });
  };
}
const tEn = translator(decksEn);
const tIt = translator(decksIt);

const goodCard = { id: 'joy', kind: 'emotion', valence: 2, title: { it: 'Gioia', en: 'Joy' } };
const deck = (cards: unknown[], extra: object = {}) => JSON.stringify({ formatVersion: 1, id: 'acme', title: { it: 'A', en: 'A' }, cards, ...extra });

function linesFor(text: string, t = tEn) {
  const r = parseDeckJson(text);
  if (r.ok) throw new Error('expected a rejected deck');
  return describeImportErrors(r.errors, t);
}

describe('describeImportErrors', () => {
  it('explains a file that is not JSON, for the whole file', () => {
    const [line] = linesFor('{ "formatVersion": 1,');
    expect(line.where).toBe('whole file');
    expect(line.text).toMatch(/^This is not a JSON file \(.+\)\.$/);
  });

  it('names the missing translation by its path', () => {
    const lines = linesFor(deck([{ ...goodCard, title: { en: 'Joy' } }]), tIt);
    expect(lines).toEqual([{ where: 'cards[0].title.it', text: 'Questo campo è obbligatorio.' }]);
  });

  it('gives the size limit in KiB', () => {
    const lines = linesFor(' '.repeat(300 * 1024));
    expect(lines).toEqual([{ where: 'whole file', text: 'The file is too large: a deck file can be at most 256 KiB.' }]);
  });

  it('points a duplicate id at the first card that used it', () => {
    const lines = linesFor(deck([goodCard, { ...goodCard }]));
    expect(lines).toEqual([{ where: 'cards[1].id', text: 'The card id “joy” is already used by card cards[0].' }]);
  });

  it('tells a valence above +2 from one below −2, and a valence on a goal', () => {
    const lines = linesFor(deck([{ ...goodCard, valence: 3 }, { ...goodCard, id: 'sad', valence: -5 }, { id: 'g', kind: 'goal', valence: 1, title: goodCard.title }]));
    expect(lines.map((l) => l.text)).toEqual([
      'Too large: the highest allowed value is 2.',
      'Too small: the lowest allowed value is -2.',
      'Only emotion cards can have a valence.',
    ]);
  });

  it('translates the expected type and the bad colour format', () => {
    const lines = linesFor(deck([{ ...goodCard, valence: 1.5, color: 'pink' }]), tIt);
    expect(lines.map((l) => l.text).sort()).toEqual(['Tipo sbagliato: serve un numero intero.', 'Usa un colore come «#ffd1dc».']);
  });

  it('covers every code shared/ can report with an English and an Italian sentence', () => {
    const codes = ['not_json', 'too_large', 'required', 'wrong_type', 'empty', 'too_long', 'too_many_cards', 'out_of_range', 'invalid_format', 'invalid_value', 'unsupported_version', 'unknown_field', 'not_allowed', 'duplicate_id', 'invalid', 'builtin_id', 'read_failed'] as const;
    const params = { detail: 'x', maxBytes: 1024, expected: 'int', max: 1, min: 1, allowed: 'a', field: 'f', id: 'i', firstIndex: 0 };
    for (const code of codes) {
      for (const t of [tEn, tIt]) expect(describeImportErrors([{ code, path: 'cards[0].x', params }], t)[0].text).not.toMatch(/\{\{/);
    }
  });
});

describe('errorKey and formatSize', () => {
  it('picks the field-specific keys', () => {
    expect(errorKey({ code: 'invalid_format', path: 'cards[2].icon' })).toBe('invalid_format_icon');
    expect(errorKey({ code: 'invalid_format', path: 'id' })).toBe('invalid_format_id');
    expect(errorKey({ code: 'not_allowed', path: 'cards[0].moment' })).toBe('not_allowed_moment');
  });
  it('formats sizes', () => {
    expect(formatSize(256 * 1024)).toBe('256 KiB');
    expect(formatSize(1000)).toBe('1000 B');
  });
});
