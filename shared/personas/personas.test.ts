import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCard } from '../commands/cards';
import { addPersona, deletePersona, setActivePersona, setCardPersona, updatePersona } from '../commands/personas';
import { initBoardDoc } from '../doc/board-doc';
import { readCards } from '../doc/read';
import { backupToDoc, parseBackup, validateBackup } from '../backup/from-backup';
import { boardToBackup } from '../backup/to-backup';
import { MAX_PERSONAS, PERSONA_COLORS, PERSONA_LIMITS } from './persona-schema';
import { cardPersona, readActivePersona, readPersonas } from './read-personas';

const board = () => {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Agency', locale: 'en', createdAt: 1 });
  return doc;
};

/** WCAG relative luminance and contrast ratio. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe('personas in the document', () => {
  it('adds, edits, lists in creation order and deletes; texts are cut to their limits', () => {
    const doc = board();
    const a = addPersona(doc, { name: ' Maria ', quote: 'q'.repeat(500) }, 10)!;
    const b = addPersona(doc, { name: 'Luca', segment: 'Shop owner' }, 20)!;
    expect(readPersonas(doc).map((p) => p.name)).toEqual(['Maria', 'Luca']);
    expect(readPersonas(doc)[0].quote).toHaveLength(PERSONA_LIMITS.quote);
    // Each gets a colour nobody else has.
    expect(readPersonas(doc).map((p) => p.color)).toEqual([PERSONA_COLORS[0], PERSONA_COLORS[1]]);
    expect(updatePersona(doc, b, { goals: 'Sell online\nNo surprises', color: PERSONA_COLORS[4] })).toBe(true);
    expect(updatePersona(doc, b, { name: '   ' })).toBe(false);
    expect(readPersonas(doc)[1]).toMatchObject({ name: 'Luca', goals: 'Sell online\nNo surprises', color: PERSONA_COLORS[4] });
    expect(deletePersona(doc, a)).toBe(true);
    expect(readPersonas(doc).map((p) => p.name)).toEqual(['Luca']);
  });

  it('caps the number of personas at one per palette colour', () => {
    const doc = board();
    for (let i = 0; i < MAX_PERSONAS; i++) expect(addPersona(doc, { name: `P${i}` })).not.toBeNull();
    expect(addPersona(doc, { name: 'one too many' })).toBeNull();
    expect(new Set(readPersonas(doc).map((p) => p.color)).size).toBe(MAX_PERSONAS);
  });

  it('shows the chosen persona, else the first; a card tag naming no persona reads as none', () => {
    const doc = board();
    expect(readActivePersona(doc)).toBeNull();
    const a = addPersona(doc, { name: 'Maria' }, 1)!;
    const b = addPersona(doc, { name: 'Luca' }, 2)!;
    expect(readActivePersona(doc)?.id).toBe(a);
    setActivePersona(doc, b);
    expect(readActivePersona(doc)?.id).toBe(b);
    const card = addCard(doc, { stage: 'use', lane: 'emotions', text: 'x' });
    setCardPersona(doc, card, b);
    expect(cardPersona(readCards(doc)[0], readPersonas(doc))?.name).toBe('Luca');
    deletePersona(doc, b);
    expect(readActivePersona(doc)?.id).toBe(a);
    expect(readCards(doc)[0].persona).toBe(b); // the tag stays, so undoing the delete brings everything back
    expect(cardPersona(readCards(doc)[0], readPersonas(doc))).toBeNull();
  });

  it('skips entries another program wrote in other shapes', () => {
    const doc = board();
    const m = doc.getMap<unknown>('personas');
    m.set('x', { id: 'y', name: 'wrong key', segment: '', description: '', goals: '', frustrations: '', quote: '', color: PERSONA_COLORS[0], createdAt: 1 });
    m.set('z', 'just a string');
    m.set('w', new Y.Map());
    expect(readPersonas(doc)).toEqual([]);
  });

  it('uses a palette whose every colour has at least 4.5:1 contrast with white (text and lines)', () => {
    for (const c of PERSONA_COLORS) expect(contrast(c, '#ffffff'), c).toBeGreaterThanOrEqual(4.5);
  });
});

describe('personas in backups', () => {
  it('carry personas, the active one and card tags; a board without personas backs up as before', () => {
    const plain = boardToBackup(board(), 5);
    expect('personas' in plain.board).toBe(false);

    const doc = board();
    const a = addPersona(doc, { name: 'Maria', frustrations: 'Hidden costs' }, 1)!;
    const b = addPersona(doc, { name: 'Luca' }, 2)!;
    setActivePersona(doc, b);
    const card = addCard(doc, { stage: 'use', lane: 'emotions', text: 'x' });
    setCardPersona(doc, card, a);
    const parsed = parseBackup(JSON.stringify(boardToBackup(doc, 5)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const restored = new Y.Doc();
    backupToDoc(restored, parsed.backup);
    expect(readPersonas(restored)).toEqual(readPersonas(doc));
    expect(readActivePersona(restored)?.id).toBe(b);
    expect(readCards(restored)[0].persona).toBe(a);
  });

  it('refuses personas out of shape: long texts, colours off the palette, photos, duplicates, too many', () => {
    const base = boardToBackup(board(), 5);
    const p = { id: 'p1', name: 'Maria', segment: '', description: '', goals: '', frustrations: '', quote: '', color: PERSONA_COLORS[0], createdAt: 1 };
    const withPersonas = (personas: unknown[]) => ({ ...base, board: { ...base.board, personas } });
    expect(validateBackup(withPersonas([p])).ok).toBe(true);
    const bad = [
      [{ ...p, description: 'd'.repeat(PERSONA_LIMITS.description + 1) }],
      [{ ...p, color: '#ff0000' }],
      [{ ...p, photo: 'data:image/png;base64,AAAA' }],
      [{ ...p, name: '' }],
      [p, { ...p }],
      Array.from({ length: MAX_PERSONAS + 1 }, (_, i) => ({ ...p, id: `p${i}` })),
    ];
    for (const list of bad) expect(validateBackup(withPersonas(list)).ok, JSON.stringify(list).slice(0, 80)).toBe(false);
  });
});

describe('persona curves', () => {
  it('draws each persona from its own and the untagged emotion cards; none to compare without tags', async () => {
    const { comparedCurves, personaCurve, inPersonaView } = await import('./persona-curves');
    const doc = board();
    const a = addPersona(doc, { name: 'Maria' }, 1)!;
    const b = addPersona(doc, { name: 'Luca' }, 2)!;
    const emotion = (stage: string, valence: number) => addCard(doc, { stage, lane: 'emotions', kind: 'emotion', text: 'e', extra: { valence } });
    emotion('use', 1); // about everyone
    const stages = [{ id: 'use', title: 'Use' }];
    expect(comparedCurves(stages, readCards(doc), readPersonas(doc))).toEqual([]);
    setCardPersona(doc, emotion('use', -2), a);
    setCardPersona(doc, emotion('use', 2), b);
    const personas = readPersonas(doc);
    const cards = readCards(doc);
    expect(personaCurve(stages, cards, a, personas)[0]).toMatchObject({ count: 2, median: -0.5, min: -2, max: 1 });
    expect(personaCurve(stages, cards, b, personas)[0]).toMatchObject({ count: 2, median: 1.5 });
    expect(comparedCurves(stages, cards, personas).map((c) => [c.persona.name, c.points[0].median])).toEqual([['Maria', -0.5], ['Luca', 1.5]]);
    expect(cards.filter((c) => inPersonaView(c, a, personas))).toHaveLength(2);
    expect(cards.filter((c) => inPersonaView(c, null, personas))).toHaveLength(3);
  });
});
