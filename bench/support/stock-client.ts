/** A stock y-websocket v3 client in this process (ws polyfill, BroadcastChannel off). */
import { createHash } from 'node:crypto';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { roots } from '../../shared/doc/board-doc';
import { randomId } from '../../shared/doc/ids';

export interface StockClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

export async function connectStock(wsBase: string, room: string, token: string, timeoutMs = 15_000): Promise<StockClient> {
  // Each provider adds a process 'exit' listener in Node; the bench opens dozens at a time.
  if (process.getMaxListeners() < 200) process.setMaxListeners(200);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsBase, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    // A person key, as the app sends: its client id stays writable across reconnects.
    params: { ...(token && { token }), person: randomId() },
  });
  const destroy = () => {
    provider.destroy();
    doc.destroy();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`a stock client did not sync within ${timeoutMs} ms`)), timeoutMs);
      const on = (synced: boolean) => {
        if (!synced) return;
        clearTimeout(timer);
        provider.off('sync', on);
        resolve();
      };
      provider.on('sync', on);
    });
  } catch (err) {
    destroy();
    throw err;
  }
  return { doc, provider, destroy };
}

/** What the board shows: every card's id, text and place, order-independent, hashed. */
export function fingerprint(doc: Y.Doc): string {
  const cards: string[] = [];
  roots(doc).cards.forEach((m, id) => {
    if (m instanceof Y.Map) cards.push(`${id}|${String(m.get('text'))}|${m.get('stage')}|${m.get('lane')}|${m.get('order')}`);
  });
  return createHash('sha1').update(cards.sort().join('\n')).digest('hex');
}
