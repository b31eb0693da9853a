import * as Y from 'yjs';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { addCard, moveCard, setCardText } from '../../../shared/commands/cards';
import { renameAxisItem } from '../../../shared/commands/skeleton';
import { changeDot, startVote } from '../../../shared/commands/votes';
import { initBoardDoc, roots } from '../../../shared/doc/board-doc';
import { compareBoards, plainBoard } from '../../../shared/history/board-changes';
import { en } from '../i18n/en';
import { it as itMessages } from '../i18n/it';
import { axisSentence, cardExcerpt, changeSentence, type Translate } from './change-words';

let tEn: Translate;
let tIt: Translate;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, it: { translation: itMessages } }, lng: 'en', interpolation: { escapeValue: false } });
  tEn = i18n.getFixedT('en') as unknown as Translate;
  tIt = i18n.getFixedT('it') as unknown as Translate;
});

function changedWorkshop(locale: 'en' | 'it') {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'T', locale, createdAt: 1 });
  const ask = addCard(doc, { stage: 'awareness', lane: 'activities', text: 'Asks a friend' });
  const joy = addCard(doc, { stage: 'use', lane: 'emotions', kind: 'emotion', text: '', extra: { valence: 1 } });
  const idea = addCard(doc, { stage: 'use', lane: 'ideas', text: 'Loyalty card' });
  startVote(doc, 3, 'ideas');
  const before = plainBoard(doc);
  addCard(doc, { stage: 'purchase', lane: 'goals', text: 'Pays quickly\nwith the phone' });
  moveCard(doc, ask, { stage: 'consideration', lane: 'channels' });
  setCardText(doc, ask, 'Asks two friends');
  doc.transact(() => roots(doc).cards.get(joy)!.set('valence', -1.5));
  changeDot(doc, 'p', idea, 1);
  renameAxisItem(doc, 'lanes', 'goals', locale === 'en' ? 'Needs' : 'Bisogni');
  return compareBoards(before, plainBoard(doc));
}

describe('change sentences', () => {
  it('word every kind of change in English', () => {
    const c = changedWorkshop('en');
    const all = c.stages.flatMap((s) => s.changes.map((x) => changeSentence(x, tEn)));
    expect(all).toEqual([
      'Moved “Asks two friends” from Awareness · Activities to Consideration · Channels and touchpoints; also edited: text',
      'Added “Pays quickly” in Needs',
      'Edited “Emotion”: emotion +1 → -1.5',
      'Edited “Loyalty card”: dots 0 → 1',
    ]);
    expect(c.axes.map((a) => axisSentence(a, tEn))).toEqual(['Lane “Goals” renamed “Needs”']);
  });

  it('and in Italian, with the Italian decimal comma', () => {
    const c = changedWorkshop('it');
    const all = c.stages.flatMap((s) => s.changes.map((x) => changeSentence(x, tIt, ',')));
    expect(all).toEqual([
      'Spostata “Asks two friends” da Consapevolezza · Attività a Considerazione · Canali e punti di contatto; modificata anche: testo',
      'Aggiunta “Pays quickly” in Bisogni',
      'Modificata “Emozione”: emozione +1 → -1,5',
      'Modificata “Loyalty card”: punti 0 → 1',
    ]);
  });

  it('quotes a long card by its first words', () => {
    const text = 'Compares three bakeries on the map and reads every single review before choosing one';
    expect(cardExcerpt({ text, kind: 'note' }, tEn)).toBe('Compares three bakeries on the map and reads every single…');
    expect(cardExcerpt({ text: '  ', kind: 'note' }, tEn)).toBe('an empty card');
  });
});
