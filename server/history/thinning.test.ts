import { describe, expect, it } from 'vitest';
import type { VersionEntry } from '../../shared/history/version-types';
import { KEEP_ALL_MS, versionsToThin } from './thinning';

const HOUR = 3_600_000;
const now = Date.UTC(2026, 11, 2, 12);
let n = 0;
const v = (at: number, kind: VersionEntry['kind'] = 'auto'): VersionEntry => ({
  id: `v${String(n++).padStart(4, '0')}`,
  at,
  by: null,
  kind,
  label: '',
  summary: { cards: 0, cardsPerStage: [], unplaced: 0, moments: 0, votes: 0 },
});

describe('versionsToThin', () => {
  it('keeps every automatic checkpoint of the last day, then the newest of each hour; never a named one', () => {
    const lastDay = [v(now - KEEP_ALL_MS), v(now - KEEP_ALL_MS + 1), v(now - 1)];
    const hourA = [v(now - 30 * HOUR), v(now - 30 * HOUR + 10 * 60_000, 'agenda'), v(now - 30 * HOUR + 59 * 60_000, 'revert')];
    const hourB = [v(now - 29 * HOUR + 1)];
    const named = [v(now - 30 * HOUR + 5, 'named'), v(now - 30 * HOUR + 6, 'named')];
    const thin = versionsToThin([...lastDay, ...hourA, ...hourB, ...named], now);
    expect(thin.sort()).toEqual([hourA[0].id, hourA[1].id].sort());
    // Thinning again changes nothing.
    const kept = [...lastDay, hourA[2], ...hourB, ...named];
    expect(versionsToThin(kept, now)).toEqual([]);
  });
});
