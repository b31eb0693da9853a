import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../../shared/backup/from-backup';
import { en } from '../i18n/en';
import { it as itRes } from '../i18n/it';
import { problemText } from './backup-problem';

const translator = async (lng: 'en' | 'it') => {
  const inst = i18next.createInstance();
  await inst.init({ lng, resources: { en: { translation: en }, it: { translation: itRes } }, interpolation: { escapeValue: false } });
  return inst.t;
};

const broken = {
  format: 'journey-studio-backup',
  version: 1,
  exportedAt: 1,
  board: {
    meta: { title: 'x'.repeat(121), locale: 'it', createdAt: 1 },
    stages: [],
    lanes: [],
    cards: [{ id: 'c1', kind: 'note', text: 42, stage: 's', lane: 'l', order: 'a0', color: '#fff3a3', author: '', createdAt: 1, extra: 1 }],
    decks: {},
    facilitation: {},
    votes: {},
  },
};

describe("a refused backup's problems, in the reader's words", () => {
  it('names the place and the problem in English and in Italian, without schema jargon', async () => {
    const r = parseBackup(JSON.stringify(broken));
    if (r.ok) throw new Error('should be refused');
    const words = { en: (await translator('en')) as never, it: (await translator('it')) as never };
    expect(r.errors.map((p) => problemText(p, words.en))).toEqual([
      'title and language → title: too long or too many (at most 120)',
      'card 1 → text: the wrong kind of value (expected: text)',
      'card 1: fields this version does not know: extra',
    ]);
    expect(r.errors.map((p) => problemText(p, words.it))).toEqual([
      'titolo e lingua → titolo: troppo lungo o troppi elementi (al massimo 120)',
      'carta 1 → testo: un valore del tipo sbagliato (atteso: testo)',
      'carta 1: campi che questa versione non conosce: extra',
    ]);
    const notJson = parseBackup('{');
    expect(!notJson.ok && problemText(notJson.errors[0], words.it)).toBe('il file: non è un JSON valido (il file potrebbe essere troncato o non essere un backup)');
  });
});
