import { describe, expect, it } from 'vitest';
import { parseBackup } from '../backup/from-backup';
import type { Backup } from '../backup/backup-schema';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { boardFromTemplate, templateFromBoard } from './template-board';

const example = (): Backup => {
  const r = parseBackup(readFileSync(path.join(import.meta.dirname, 'files', 'example.en.json'), 'utf8'));
  if (!r.ok) throw new Error('example does not parse');
  return r.backup;
};
const NOW = Date.UTC(2027, 0, 15, 10);

describe('boardFromTemplate', () => {
  it('makes a fresh board dated now, titled as asked or as the template', () => {
    const t = example();
    const b = boardFromTemplate(t, '  My agency  ', NOW);
    expect(b.board.meta).toEqual({ ...t.board.meta, title: 'My agency', createdAt: NOW });
    expect(boardFromTemplate(t, ' ', NOW).board.meta.title).toBe(t.board.meta.title);
    expect(b.board.cards.every((c) => c.createdAt <= NOW && c.createdAt > NOW - 3_600_000)).toBe(true);
    // Same cards in the same order of creation; the vote comes back as a closed, revealed result.
    expect(b.board.cards.map((c) => c.id)).toEqual(t.board.cards.map((c) => c.id));
    expect([...b.board.cards].sort((x, y) => x.createdAt - y.createdAt).map((c) => c.id)).toEqual([...t.board.cards].sort((x, y) => x.createdAt - y.createdAt).map((c) => c.id));
    expect(b.board.facilitation.vote).toMatchObject({ open: false, revealed: true });
    expect(b.board.votes).toEqual(t.board.votes);
    expect(parseBackup(JSON.stringify(b)).ok).toBe(true);
  });
});

describe('templateFromBoard', () => {
  it('keeps the content and strips votes, answers, owners, session state, CLV figures and effects', () => {
    const board = example();
    board.board.cards[0].ownerId = 'someoneSomeone00000000';
    board.board.facilitation.timer = { status: 'paused', remainingMs: 1000, durationMs: 2000 };
    board.board.facilitation.agendaStep = 2;
    board.board.facilitation.skeletonLocked = false;
    const t = templateFromBoard(board, NOW);
    expect(parseBackup(JSON.stringify(t)).ok).toBe(true);
    expect(t.exportedAt).toBe(NOW);
    expect(t.board.meta).toEqual(board.board.meta);
    expect(t.board.stages).toEqual(board.board.stages);
    expect(t.board.lanes).toEqual(board.board.lanes);
    expect(t.board.votes).toEqual({});
    expect(t.board.facilitation).toEqual({ skeletonLocked: false });
    expect(t.board.cards.map((c) => [c.id, c.text, c.kind, c.valence, c.moment])).toEqual(board.board.cards.map((c) => [c.id, c.text, c.kind, c.valence, c.moment]));
    const questions = t.board.cards.filter((c) => c.kind === 'question');
    expect(questions.length).toBe(3);
    expect(questions.every((q) => q.answer === '')).toBe(true);
    expect(t.board.cards.some((c) => c.ownerId !== undefined || c.effect !== undefined)).toBe(false);
    // The board itself is untouched.
    expect(board.board.cards.some((c) => c.effect !== undefined)).toBe(true);
  });
});
