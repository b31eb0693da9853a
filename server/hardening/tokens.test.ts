import { describe, expect, it, vi } from 'vitest';
import type { BoardRecord } from '../storage/board-store';

/** Counts constant-time comparisons, to check roleForToken never decides with `===` or stops early. */
const calls = vi.hoisted(() => ({ timingSafeEqual: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return {
    ...real,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      calls.timingSafeEqual++;
      return real.timingSafeEqual(a, b);
    },
  };
});

const { roleForToken } = await import('../boards');

const record: BoardRecord = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  title: 't',
  locale: 'en',
  createdAt: 0,
  tokens: { facilitator: 'fFfFfFfFfFfFfFfFfFfFfF', participant: 'pPpPpPpPpPpPpPpPpPpPpP', viewer: 'vVvVvVvVvVvVvVvVvVvVvV' },
};

describe('roleForToken', () => {
  it('gives each token its role', () => {
    expect(roleForToken(record, record.tokens.facilitator)).toBe('facilitator');
    expect(roleForToken(record, record.tokens.participant)).toBe('participant');
    expect(roleForToken(record, record.tokens.viewer)).toBe('viewer');
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['one character more', `${record.tokens.viewer}x`],
    ['one character less', record.tokens.viewer.slice(1)],
    ['a prefix', record.tokens.facilitator.slice(0, 4)],
    ['another case', record.tokens.viewer.toLowerCase()],
    ['the board id', record.id],
    ['a very long string', 'x'.repeat(100_000)],
    ['two tokens joined', record.tokens.viewer + record.tokens.facilitator],
    ['a token with whitespace', ` ${record.tokens.facilitator}`],
  ])('refuses a token that is %s', (_what, token) => {
    expect(roleForToken(record, token)).toBeNull();
  });

  it('compares in constant time: every role’s token, whichever matches or none, through timingSafeEqual on equal-length digests', () => {
    for (const token of [record.tokens.facilitator, record.tokens.participant, record.tokens.viewer, 'wrong', 'x'.repeat(5000)]) {
      calls.timingSafeEqual = 0;
      roleForToken(record, token);
      expect(calls.timingSafeEqual, token.slice(0, 10)).toBe(3);
    }
  });
});
