import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LANES, DEFAULT_STAGES, LOCALES } from '../doc/schema';
import { BUILTIN_DECKS, activitiesDeck, channelsDeck, emotionsDeck, goalsDeck, momentsDeck } from './builtin';
import { deckSchema, MAX_DECK_BYTES, type Deck } from './deck-schema';
import { KIND_STYLE } from './kind-style';
import { parseDeckJson } from './validate-deck';

const stageIds = DEFAULT_STAGES.map((s) => s.id);
const laneIds = DEFAULT_LANES.map((l) => l.id);

describe.each(BUILTIN_DECKS.map((d) => [d.id, d] as const))('built-in deck %s', (_id, deck: Deck) => {
  it('passes the schema unchanged', () => {
    const r = deckSchema.safeParse(deck);
    expect(r.success ? [] : r.error.issues).toEqual([]);
    expect(r.data).toEqual(deck);
  });

  it('survives a round trip as a deck file', () => {
    const json = JSON.stringify(deck, null, 2);
    expect(new TextEncoder().encode(json).length).toBeLessThan(MAX_DECK_BYTES);
    expect(parseDeckJson(json)).toEqual({ ok: true, deck });
  });

  it('has unique card ids', () => {
    const ids = deck.cards.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('speaks both languages everywhere', () => {
    const texts = [deck.title, deck.description, ...deck.cards.flatMap((c) => [c.title, c.text])];
    for (const t of texts) {
      if (!t) continue;
      for (const l of LOCALES) expect(t[l].trim().length, JSON.stringify(t)).toBeGreaterThan(0);
    }
  });

  it('suggests only default stages and lanes, and uses its kind colour', () => {
    for (const c of deck.cards) {
      if (c.stage !== undefined) expect(stageIds).toContain(c.stage);
      if (c.lane !== undefined) expect(laneIds).toContain(c.lane);
      expect(c.color).toBe(KIND_STYLE[c.kind].color);
    }
  });
});

describe('built-in decks together', () => {
  it('have unique deck ids', () => {
    const ids = BUILTIN_DECKS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('use lucide icons that exist', () => {
    const dir = fileURLToPath(new URL('../../node_modules/lucide-react/dist/esm/icons/', import.meta.url));
    if (!existsSync(dir)) return; // lucide not installed: nothing to check against
    const icons = new Set([
      ...Object.values(KIND_STYLE).map((s) => s.icon),
      ...BUILTIN_DECKS.flatMap((d) => d.cards.map((c) => c.icon ?? '')),
    ]);
    const missing = [...icons].filter((name) => name && !existsSync(`${dir}${name}.mjs`) && !existsSync(`${dir}${name}.js`));
    expect(missing).toEqual([]);
  });

  it('give each kind a distinct colour', () => {
    const colors = Object.values(KIND_STYLE).map((s) => s.color);
    expect(new Set(colors).size).toBe(colors.length);
  });
});

describe('deck contents', () => {
  it('moments: the three moments, each in the stage it opens', () => {
    expect(momentsDeck.cards.map((c) => [c.moment, c.stage])).toEqual([
      ['trigger', 'purchase'],
      ['truth', 'use'],
      ['medal', 'advocacy'],
    ]);
    const trigger = momentsDeck.cards[0];
    expect(trigger.text?.en).toMatch(/decision/);
    expect(trigger.text?.en).toMatch(/not the first stimulus/);
    expect(trigger.text?.it).toMatch(/decisione/);
  });

  it('emotions: at least 14, covering every valence', () => {
    expect(emotionsDeck.cards.length).toBeGreaterThanOrEqual(14);
    expect(new Set(emotionsDeck.cards.map((c) => c.valence))).toEqual(new Set([-2, -1, 0, 1, 2]));
    const en = emotionsDeck.cards.map((c) => c.title.en);
    for (const name of ['Enthusiasm', 'Trust', 'Curiosity', 'Relief', 'Pride', 'Joy', 'Indifference', 'Doubt',
      'Anxiety', 'Confusion', 'Frustration', 'Disappointment', 'Feeling abandoned', 'Impatience']) {
      expect(en).toContain(name);
    }
  });

  it.each([activitiesDeck, goalsDeck])('$id: 4 to 6 cards for each of the six stages', (deck) => {
    for (const stage of stageIds) {
      const n = deck.cards.filter((c) => c.stage === stage).length;
      expect(n, stage).toBeGreaterThanOrEqual(4);
      expect(n, stage).toBeLessThanOrEqual(6);
    }
    expect(deck.cards.every((c) => c.stage && c.lane === deck.id)).toBe(true);
  });

  it('channels: the channels of the method and two devices', () => {
    const ids = channelsDeck.cards.map((c) => c.id);
    for (const id of ['website', 'blog', 'search-engine', 'youtube', 'linkedin', 'social-networks', 'email',
      'phone-call', 'shop', 'e-commerce', 'quote-configurator', 'mobile-app', 'chat', 'community', 'agent',
      'word-of-mouth', 'device-smartphone', 'device-computer']) {
      expect(ids).toContain(id);
    }
  });
});
