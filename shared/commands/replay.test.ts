import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readReplay, startReplay, stopReplay } from './replay';

describe('replay cue', () => {
  it('is absent by default, started on the server clock and stopped', () => {
    const doc = new Y.Doc();
    expect(readReplay(doc)).toBeNull();
    startReplay(doc, 1_000_000);
    expect(readReplay(doc)).toEqual({ startedAt: 1_000_000, durationMs: 30_000 });
    stopReplay(doc);
    expect(readReplay(doc)).toBeNull();
    expect(doc.getMap('facilitation').has('replay')).toBe(false);
  });
  it('reads anything malformed as absent', () => {
    const doc = new Y.Doc();
    const fac = doc.getMap('facilitation');
    for (const bad of [42, 'x', { startedAt: 'now', durationMs: 30_000 }, { startedAt: 5, durationMs: 0 }, { startedAt: 5, durationMs: 1e9 }]) {
      fac.set('replay', bad);
      expect(readReplay(doc)).toBeNull();
    }
  });
});
