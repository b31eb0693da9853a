import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { createPresenceStore } from '../store/presence-store';
import { bindPresence } from './presence';

const user = (name: string) => ({ name, color: '#336699' });

describe('presence projection', () => {
  it('projects other people, and leaves the store alone when only this client’s own presence changes', () => {
    const mine = new Awareness(new Y.Doc());
    const store = createPresenceStore();
    const local = bindPresence(mine, store);
    const other = new Awareness(new Y.Doc());
    other.setLocalState({ user: user('Ada'), cursor: { x: 10, y: 20 } });
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(other, [other.clientID]), 'remote');
    const seen = store.getState();
    expect(seen.peers.map((p) => p.name)).toEqual(['Ada']);
    expect(seen.cursors[other.clientID]).toEqual({ x: 10, y: 20 });

    let writes = 0;
    const unsub = store.subscribe(() => writes++);
    local.setUser(user('Me'));
    mine.setLocalStateField('cursor', { x: 1, y: 1 });
    expect(writes).toBe(0);
    expect(store.getState()).toBe(seen);

    other.setLocalState({ user: user('Ada'), cursor: { x: 30, y: 20 } });
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(other, [other.clientID]), 'remote');
    expect(writes).toBe(1);
    expect(store.getState().cursors[other.clientID]).toEqual({ x: 30, y: 20 });
    unsub();
    local.destroy();
  });

  it('keeps the same cursor object for someone who did not move', () => {
    const mine = new Awareness(new Y.Doc());
    const store = createPresenceStore();
    const local = bindPresence(mine, store);
    const [a, b] = [new Awareness(new Y.Doc()), new Awareness(new Y.Doc())];
    a.setLocalState({ user: user('Ada'), cursor: { x: 1, y: 2 } });
    b.setLocalState({ user: user('Bo'), cursor: { x: 5, y: 5 } });
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(a, [a.clientID]), 'remote');
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(b, [b.clientID]), 'remote');
    const before = store.getState().cursors;
    b.setLocalState({ user: user('Bo'), cursor: { x: 6, y: 5 } });
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(b, [b.clientID]), 'remote');
    const after = store.getState().cursors;
    expect(after[a.clientID]).toBe(before[a.clientID]);
    expect(after[b.clientID]).not.toBe(before[b.clientID]);
    local.destroy();
  });
});
