import { describe, expect, it as test } from 'vitest';
import { detectLanguage } from './detect-language';
import { en } from './en';
import { it } from './it';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}
function placeholders(s: string) {
  return [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
}

describe('i18n resources', () => {
  test('Italian has exactly the English keys, none empty', () => {
    expect(keys(it)).toEqual(keys(en));
    for (const k of keys(it)) expect(k.split('.').reduce((o: any, p) => o[p], it).trim()).not.toBe('');
  });
  test('both languages use the same placeholders', () => {
    for (const k of keys(en)) {
      const get = (o: any) => k.split('.').reduce((x, p) => x[p], o) as string;
      expect(placeholders(get(it)), k).toEqual(placeholders(get(en)));
    }
  });
});

describe('detectLanguage', () => {
  test('follows the saved choice, then the browser', () => {
    expect(detectLanguage('en', ['it-IT'])).toBe('en');
    expect(detectLanguage(null, ['it-CH', 'en'])).toBe('it');
    expect(detectLanguage(null, ['de-DE', 'it'])).toBe('en');
    expect(detectLanguage('fr', [])).toBe('en');
  });
});
