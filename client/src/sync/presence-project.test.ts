import { describe, expect, it } from 'vitest';
import { projectAwareness } from './presence-project';
import type { PresenceState } from '../store/presence-store';

const empty: PresenceState = { peers: [], cursors: {}, activity: {}, viewports: {}, selections: {} };
const user = (name: string) => ({ name, color: '#1d4ed8', role: 'participant' });

describe('projectAwareness', () => {
  it('lists other people, their cursors and what they do to cards, without myself', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: user('Me'), cursor: { x: 1, y: 2 } }],
      [2, { user: user('Zoe'), cursor: { x: 10, y: 20 }, drag: { cardId: 'c1', x: 5, y: 6 } }],
      [3, { user: user('Anna'), editing: 'c2', cursor: null, selected: 'c9' }],
    ]);
    const s = projectAwareness(states, 1, empty);
    expect(s.selections).toEqual({ 3: 'c9' });
    expect(s.peers.map((p) => p.name)).toEqual(['Anna', 'Zoe']);
    expect(s.cursors).toEqual({ 2: { x: 10, y: 20 } });
    expect(s.activity.c1).toMatchObject({ kind: 'drag', name: 'Zoe', at: { x: 5, y: 6 } });
    expect(s.activity.c2).toMatchObject({ kind: 'edit', name: 'Anna' });
  });

  it('ignores malformed states', () => {
    const states = new Map<number, Record<string, unknown>>([
      [2, { user: { name: '' } }],
      [3, { user: { name: 'Eve', color: 'red; background:url(x)', role: 'admin' }, cursor: { x: 'a' }, drag: { cardId: 1 } }],
    ]);
    const s = projectAwareness(states, 1, empty);
    expect(s.peers).toEqual([{ clientId: 3, name: 'Eve', color: '#475569', role: null }]);
    expect(s.cursors).toEqual({});
    expect(s.activity).toEqual({});
    expect(s.selections).toEqual({});
  });

  it('keeps unchanged peers and activities identical so nothing re-renders for a cursor move', () => {
    const states = new Map<number, Record<string, unknown>>([[2, { user: user('Zoe'), editing: 'c1', cursor: { x: 1, y: 1 } }]]);
    const s1 = projectAwareness(states, 1, empty);
    states.set(2, { user: user('Zoe'), editing: 'c1', cursor: { x: 2, y: 2 } });
    const s2 = projectAwareness(states, 1, s1);
    expect(s2.peers).toBe(s1.peers);
    expect(s2.activity.c1).toBe(s1.activity.c1);
    expect(s2.cursors[2]).toEqual({ x: 2, y: 2 });
  });
});
