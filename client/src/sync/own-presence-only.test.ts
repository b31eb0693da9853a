import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { sendOwnPresenceOnly } from './own-presence-only';

/**
 * A provider that never connects, wired as stock y-websocket wires itself but with a handler that
 * records what it would send instead of sending it.
 */
function provider() {
  const doc = new Y.Doc();
  const p = new WebsocketProvider('ws://127.0.0.1:9', 'board', doc, { connect: false, disableBc: true, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket });
  const sent: Array<{ added: number[]; updated: number[]; removed: number[] }> = [];
  p.awareness.off('update', p._awarenessUpdateHandler);
  p._awarenessUpdateHandler = (change) => void sent.push(change);
  p.awareness.on('update', p._awarenessUpdateHandler);
  const stop = sendOwnPresenceOnly(p);
  return { doc, p, sent, stop };
}

describe('this client sends only its own presence', () => {
  it('does not echo other people’s presence back to the server (stock y-websocket does)', () => {
    const { p, sent, stop } = provider();
    const other = new Awareness(new Y.Doc());
    other.setLocalState({ cursor: { x: 1, y: 2 } });
    applyAwarenessUpdate(p.awareness, encodeAwarenessUpdate(other, [other.clientID]), p);
    other.setLocalState({ cursor: { x: 5, y: 6 } });
    applyAwarenessUpdate(p.awareness, encodeAwarenessUpdate(other, [other.clientID]), p);
    expect(p.awareness.getStates().get(other.clientID)).toEqual({ cursor: { x: 5, y: 6 } });
    expect(sent).toEqual([]);
    stop();
    p.destroy();
  });

  it('sends its own changes, and only its own id when a change holds several', () => {
    const { p, sent, stop } = provider();
    p.awareness.setLocalState({ cursor: { x: 3, y: 4 } });
    expect(sent).toEqual([{ added: [], updated: [p.awareness.clientID], removed: [] }]);
    stop();
    p.awareness.setLocalState({ cursor: { x: 9, y: 9 } });
    expect(sent).toHaveLength(1);
    p.destroy();
  });
});
