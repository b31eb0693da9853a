/**
 * A stock y-websocket client in Node, as another program would use the board (docs/document-format.md).
 * BroadcastChannel is off so nothing can sync behind the server's back.
 */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface StockClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

export async function connectStockClient(serverUrl: string, boardId: string, token: string): Promise<StockClient> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl.replace(/^http/, 'ws') + '/ws', boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  });
  const destroy = () => {
    provider.destroy();
    doc.destroy();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the stock client did not sync within 10 s')), 10_000);
      provider.on('sync', (synced: boolean) => {
        if (!synced) return;
        clearTimeout(timer);
        resolve();
      });
    });
  } catch (err) {
    destroy();
    throw err;
  }
  return { doc, provider, destroy };
}

/** Adds a note exactly as the document format describes it, without the app's command functions. */
export function writeNoteByHand(doc: Y.Doc, card: { id: string; text: string; stage: string; lane: string; author: string }): void {
  const map = new Y.Map<unknown>();
  const text = new Y.Text();
  text.insert(0, card.text);
  for (const [k, v] of Object.entries({
    id: card.id,
    kind: 'note',
    stage: card.stage,
    lane: card.lane,
    order: 'a0',
    color: '#fff3a3',
    author: card.author,
    createdAt: Date.now(),
  })) map.set(k, v);
  map.set('text', text);
  doc.getMap('cards').set(card.id, map);
}
