import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readLocks } from '../doc/read';
import {
  addTimerTime, pauseTimer, readSpotlight, readSummon, readTimer, resumeTimer, setLock, setSpotlight, startTimer,
  steppedSpotlight, stepSpotlight, stopTimer, summonEveryone, timerRemaining,
} from './facilitation';

describe('facilitation state', () => {
  it('reads default locks and sets them', () => {
    const doc = new Y.Doc();
    expect(readLocks(doc)).toEqual({ skeletonLocked: true, boardLocked: false, cardsOnly: false });
    setLock(doc, 'cardsOnly', true);
    setLock(doc, 'skeletonLocked', false);
    expect(readLocks(doc)).toEqual({ skeletonLocked: false, boardLocked: false, cardsOnly: true });
  });

  it('spotlights a stage and clears it', () => {
    const doc = new Y.Doc();
    setSpotlight(doc, 'use');
    expect(readSpotlight(doc)).toBe('use');
    setSpotlight(doc, null);
    expect(readSpotlight(doc)).toBeNull();
  });

  it('steps through the journey stage by stage, as with slides, and back', () => {
    const stages = ['a', 'b', 'c'];
    const forward: Array<string | null> = [];
    let at: string | null = null;
    for (let i = 0; i < 4; i++) forward.push((at = steppedSpotlight(stages, at, 1)));
    expect(forward).toEqual(['a', 'b', 'c', null]);
    expect(steppedSpotlight(stages, 'a', -1)).toBeNull();
    expect(steppedSpotlight(stages, null, -1)).toBe('c');
    expect(steppedSpotlight(stages, 'gone', 1)).toBe('a');
    expect(steppedSpotlight([], null, 1)).toBeNull();
    const doc = new Y.Doc();
    expect(stepSpotlight(doc, stages, 1)).toBe('a');
    expect(stepSpotlight(doc, stages, 1)).toBe('b');
    expect(readSpotlight(doc)).toBe('b');
  });

  it('runs, pauses, extends and stops the timer on the server clock', () => {
    const doc = new Y.Doc();
    startTimer(doc, 60_000, 1_000);
    expect(timerRemaining(readTimer(doc)!, 31_000)).toBe(30_000);
    pauseTimer(doc, 31_000);
    expect(readTimer(doc)).toEqual({ status: 'paused', remainingMs: 30_000, durationMs: 60_000 });
    expect(timerRemaining(readTimer(doc)!, 999_999)).toBe(30_000);
    addTimerTime(doc, 60_000, 40_000);
    resumeTimer(doc, 100_000);
    expect(timerRemaining(readTimer(doc)!, 100_000)).toBe(90_000);
    expect(timerRemaining(readTimer(doc)!, 500_000)).toBe(0);
    stopTimer(doc);
    expect(readTimer(doc)).toBeNull();
  });

  it('records a summon with its rectangle', () => {
    const doc = new Y.Doc();
    summonEveryone(doc, { x: 1, y: 2, w: 300, h: 200 }, 42);
    expect(readSummon(doc)).toEqual({ x: 1, y: 2, w: 300, h: 200, at: 42 });
  });
});
