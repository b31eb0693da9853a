import { describe, expect, it } from 'vitest';
import { BUILTIN_DECKS } from '../decks/builtin';
import { card, channel, lanesIn, note, stagesIn } from '../test-support/insight-board';
import { channelCardIds, channelSilos } from './channel-silos';

const stages = stagesIn('en');
const lanes = lanesIn('en');

describe('channelSilos: worked example', () => {
  const cards = [
    channel('awareness', 'search-engine', 'Search engine', 'se'),
    channel('consideration', 'website', 'Website', 'w1'),
    channel('consideration', 'search-engine', 'Motore di ricerca', 'se2'), // dealt in Italian: the same channel
    channel('purchase', 'e-commerce', 'E-commerce', 'ec'),
    channel('purchase', 'website', 'Sito web', 'w2'),
    channel('use', 'phone-call', 'Phone call', 'ph'),
    note('retention', 'channels', 'phone call\n\nto the support line', 'ph2'), // typed: matches the deck card
    note('advocacy', 'channels', 'WhatsApp group', 'wa'),
  ];
  const r = channelSilos({ stages, lanes, cards }, BUILTIN_DECKS, 'en');

  it('makes one row per channel, in order of first appearance, named in the board language', () => {
    expect(r.channels.map((c) => c.name)).toEqual(['Search engine', 'Website', 'E-commerce', 'Phone call', 'WhatsApp group']);
    expect(r.channels[0].byStage).toEqual({ awareness: ['se'], consideration: ['se2'] });
    expect(r.channels[3].stageIds).toEqual(['use', 'retention']);
    expect(r.channels[4].key).toBe('text:whatsapp group');
  });

  it('finds a break where two consecutive stages share no channel', () => {
    // Awareness→Consideration share the search engine, Consideration→Purchase the website,
    // Use→Retention the phone; Purchase→Use and Retention→Advocacy share nothing.
    expect(r.breaks.map((b) => [b.from.id, b.to.id])).toEqual([
      ['purchase', 'use'],
      ['retention', 'advocacy'],
    ]);
    expect(r.breaks[0].leaving.map((c) => c.name)).toEqual(['Website', 'E-commerce']);
    expect(r.breaks[0].arriving.map((c) => c.name)).toEqual(['Phone call']);
    expect(channelCardIds([...r.breaks[0].leaving, ...r.breaks[0].arriving], ['purchase', 'use'])).toEqual(['w2', 'ec', 'ph']);
  });

  it('lists the channels present in a single stage', () => {
    expect(r.single.map((c) => c.name)).toEqual(['E-commerce', 'WhatsApp group']);
    expect(r.withoutChannels).toEqual([]);
  });

  it('names deck channels in Italian on an Italian board, the same rows', () => {
    const it = channelSilos({ stages: stagesIn('it'), lanes: lanesIn('it'), cards }, BUILTIN_DECKS, 'it');
    expect(it.channels.map((c) => c.name)).toEqual(['Motore di ricerca', 'Sito web', 'E-commerce', 'Telefonata', 'WhatsApp group']);
    expect(it.breaks).toHaveLength(2);
  });
});

describe('channelSilos: edge cases', () => {
  it('no channel cards: no rows, no breaks, every stage without channels', () => {
    const r = channelSilos({ stages, lanes, cards: [note('use', 'activities', 'Website')] }, BUILTIN_DECKS, 'en');
    expect(r.channels).toEqual([]);
    expect(r.breaks).toEqual([]);
    expect(r.single).toEqual([]);
    expect(r.withoutChannels).toHaveLength(6);
  });

  it('Italian and English names of the same deck card, dealt or typed, are one channel', () => {
    const cards = [
      channel('purchase', 'email', 'E-mail e newsletter'),
      channel('use', 'email', 'E-mail and newsletter'),
      note('retention', 'channels', 'e-mail E NEWSLETTER'),
      note('advocacy', 'channels', 'E‑mail and newsletter'),
    ];
    const r = channelSilos({ stages, lanes, cards }, BUILTIN_DECKS, 'it');
    expect(r.channels).toHaveLength(1);
    expect(r.channels[0]).toMatchObject({ key: 'deck:channels/email', name: 'E-mail e newsletter', stageIds: ['purchase', 'use', 'retention', 'advocacy'] });
    expect(r.breaks).toEqual([]);
  });

  it('free text is compared without case, accents or punctuation', () => {
    const cards = [note('purchase', 'channels', 'Negozio di città'), note('use', 'channels', 'negozio di citta!')];
    const r = channelSilos({ stages, lanes, cards }, BUILTIN_DECKS, 'it');
    expect(r.channels).toHaveLength(1);
    expect(r.channels[0].name).toBe('Negozio di città');
  });

  it('one stage: nothing to break, no single-stage list', () => {
    const r = channelSilos({ stages: [stages[0]], lanes, cards: [channel('awareness', 'blog', 'Blog')] }, BUILTIN_DECKS, 'en');
    expect(r.breaks).toEqual([]);
    expect(r.single).toEqual([]);
  });

  it('a stage without channels in between is not a break', () => {
    const cards = [channel('purchase', 'shop', 'Shop'), channel('retention', 'chat', 'Chat')];
    const r = channelSilos({ stages, lanes, cards }, BUILTIN_DECKS, 'en');
    expect(r.breaks).toEqual([]);
    expect(r.single.map((c) => c.name)).toEqual(['Shop or point of sale', 'Chat']);
  });

  it('renamed and extra stages: the grid follows the board, a break is named with the new titles', () => {
    const board = [{ id: 'purchase', title: 'Checkout' }, { id: 'x7', title: 'Delivery' }, { id: 'use', title: 'Use' }];
    const cards = [channel('purchase', 'e-commerce', 'E-commerce'), channel('x7', 'phone-call', 'Phone call'), channel('use', 'phone-call', 'Phone call')];
    const r = channelSilos({ stages: board, lanes, cards }, BUILTIN_DECKS, 'en');
    expect(r.breaks.map((b) => [b.from.title, b.to.title])).toEqual([['Checkout', 'Delivery']]);
  });

  it('ignores notes in other lanes, empty notes, cards off the map, and other kinds in the channels lane', () => {
    const cards = [
      note('use', 'activities', 'Website'),
      note('use', 'channels', '  '),
      { ...channel('use', 'blog', 'Blog'), lane: 'gone' },
      card('use', 'channels', { kind: 'question', text: 'Which channel?' }),
      channel('use', 'chat', 'Chat'),
    ];
    const r = channelSilos({ stages, lanes, cards }, BUILTIN_DECKS, 'en');
    expect(r.channels.map((c) => c.name)).toEqual(['Chat']);
  });

  it('a channel from a custom deck is named by that deck, or by its text when the deck is gone', () => {
    const deck = {
      formatVersion: 1 as const,
      id: 'my-channels',
      title: { it: 'Miei', en: 'Mine' },
      cards: [{ id: 'kiosk', kind: 'channel' as const, title: { it: 'Chiosco', en: 'Kiosk' } }],
    };
    const cards = [card('use', 'channels', { kind: 'channel', deckCardId: 'my-channels/kiosk', text: 'Kiosk' }), card('retention', 'channels', { kind: 'channel', deckCardId: 'gone/x', text: 'Fax\n\nold' })];
    const r = channelSilos({ stages, lanes, cards }, [...BUILTIN_DECKS, deck], 'it');
    expect(r.channels.map((c) => c.name)).toEqual(['Chiosco', 'Fax']);
  });
});
