import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCard } from '../commands/cards';
import { setLock, startTimer } from '../commands/facilitation';
import { changeDot, startVote } from '../commands/votes';
import { importDeck } from '../decks/board-decks';
import { BUILTIN_DECKS } from '../decks/builtin';
import { initBoardDoc } from '../doc/board-doc';
import { renameAxisItem } from '../commands/skeleton';
import { setClvInputs, setIdeaEffect } from '../commands/clv';
import { backupToDoc, parseBackup } from './from-backup';
import { MAX_BACKUP_BYTES } from './backup-schema';
import { boardToBackup } from './to-backup';
import { CLV_EXAMPLE } from '../test-support/clv-example';


function workshop(): Y.Doc {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Panificio Rossi', locale: 'it', createdAt: 7 });
  renameAxisItem(doc, 'stages', 'use', 'Primo utilizzo');
  const idea = addCard(doc, { stage: 'use', lane: 'ideas', text: 'Più caffè, città!', author: 'Anna', ownerId: 'p1' });
  addCard(doc, { stage: 'use', lane: 'emotions', kind: 'emotion', text: 'Gioia', extra: { valence: 2, deckCardId: 'emotions/joy' } });
  addCard(doc, { stage: 'purchase', lane: 'goals', kind: 'question', text: 'Che cosa abbiamo promesso?', extra: { answer: 'Consegna in 24 ore' } });
  importDeck(doc, { ...BUILTIN_DECKS[0], id: 'acme' });
  setLock(doc, 'cardsOnly', true);
  startTimer(doc, 60_000, 1000);
  startVote(doc, 3, 'ideas');
  changeDot(doc, 'p1', idea, 1);
  setIdeaEffect(doc, idea, 5);
  setClvInputs(doc, CLV_EXAMPLE);
  return doc;
}

describe('backup', () => {
  it('restores a board with identical content', () => {
    const original = boardToBackup(workshop(), 99);
    const text = JSON.stringify(original);
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    const restored = new Y.Doc();
    backupToDoc(restored, (parsed as { ok: true; backup: typeof original }).backup);
    expect(boardToBackup(restored, 99)).toEqual(original);
    expect(original.board.cards.map((c) => c.text)).toContain('Più caffè, città!');
    expect(Object.keys(original.board.votes)).toHaveLength(1);
    // The CLV_EXAMPLE inputs and an idea's effect travel with the board (issue 14).
    expect(original.board.facilitation.clv).toEqual(CLV_EXAMPLE);
    expect(original.board.cards.find((c) => c.text === 'Più caffè, città!')!.effect).toBe(5);
    expect(restored.getMap('facilitation').get('clv')).toEqual(CLV_EXAMPLE);
  });

  it('restores a backup made before CLV_EXAMPLE inputs and effects existed, and refuses an effect out of range', () => {
    const old = boardToBackup(workshop(), 1);
    delete old.board.facilitation.clv;
    for (const c of old.board.cards) delete c.effect;
    const parsed = parseBackup(JSON.stringify(old));
    expect(parsed.ok).toBe(true);
    const restored = new Y.Doc();
    backupToDoc(restored, (parsed as { ok: true; backup: typeof old }).backup);
    expect(boardToBackup(restored, 1)).toEqual(old);
    const bad = structuredClone(old);
    (bad.board.cards[0] as Record<string, unknown>).effect = 5000;
    const r = parseBackup(JSON.stringify(bad));
    expect(!r.ok && r.errors[0].path).toBe('board.cards.0.effect');
  });

  it('refuses broken backups with the first problems and no partial result', () => {
    expect(parseBackup('{nope')).toEqual({ ok: false, errors: [{ path: '', message: 'not valid JSON', code: 'invalid_json' }] });
    const good = boardToBackup(workshop(), 1);
    const wrongVersion = parseBackup(JSON.stringify({ ...good, version: 2 }));
    expect(wrongVersion.ok).toBe(false);
    expect(!wrongVersion.ok && wrongVersion.errors[0].path).toBe('version');
    const badCard = structuredClone(good);
    (badCard.board.cards[0] as Record<string, unknown>).text = 42;
    const r = parseBackup(JSON.stringify(badCard));
    expect(!r.ok && r.errors[0]).toMatchObject({ path: 'board.cards.0.text', code: 'invalid_type', expected: 'string' });
    expect(parseBackup('x'.repeat(MAX_BACKUP_BYTES + 1))).toEqual({ ok: false, errors: [{ path: '', message: 'the file is larger than 64 MiB', code: 'too_large' }] });
  });
});

describe('a deck file given as a backup', () => {
  it('is recognised as a deck, with no schema details', () => {
    const r = parseBackup(JSON.stringify(BUILTIN_DECKS[0]));
    expect(r).toMatchObject({ ok: false, deckFile: true });
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(['deck_file']);
  });
});
