import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { CreateBoardResponse } from '../../shared/protocol';
import { WS_PATH } from '../../shared/protocol';
import { randomId } from '../../shared/doc/ids';

/**
 * Stock y-websocket clients for integration tests, exactly as docs/testing says: the `ws` polyfill,
 * no BroadcastChannel (it would sync clients behind the server's back), no resyncInterval.
 */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The `person` key it sends (null: none); pass it on to act as the same person again. */
  personKey: string | null;
  /** Resolves on the first 'synced' (sync step 2 received from the server). */
  synced: Promise<void>;
  /** Resolves with the first close the server sent ('connection-close' with an event). */
  closed: Promise<{ code: number; reason: string }>;
  /** Every close code seen, in order. */
  closeCodes: number[];
  /** How many times the provider started a connection attempt. */
  attempts(): number;
  /** Polls `predicate` (and re-checks on every doc update) until it holds; rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, what?: string, timeoutMs?: number): Promise<void>;
  destroy(): void;
}

const open = new Set<TestClient>();

/**
 * y-websocket adds one `exit` listener on `process` per provider (to clear its presence when the app
 * quits): a test with more than ten clients made Node warn about a listener leak. Test clients share
 * one listener instead, which does that work for every provider not yet destroyed. Call it right after
 * `new WebsocketProvider` (connectClient does).
 */
export function shareExitListener(provider: WebsocketProvider): void {
  process.off('exit', provider._exitHandler);
  exitWork.add(provider);
  const destroy = provider.destroy.bind(provider);
  provider.destroy = () => {
    exitWork.delete(provider);
    destroy();
  };
  if (!process.listeners('exit').includes(onExit)) process.on('exit', onExit);
}
const exitWork = new Set<WebsocketProvider>();
const onExit = () => {
  for (const p of exitWork) p._exitHandler();
};

export function wsBase(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws') + WS_PATH;
}

export interface ClientOptions {
  doc?: Y.Doc;
  /**
   * The `person` key sent, as the app sends its browser's key: a new random one by default (kept for
   * this client's reconnects), null to send none (an anonymous script).
   */
  person?: string | null;
}

export function connectClient(url: string, boardId: string, token: string | undefined, opts: ClientOptions = {}): TestClient {
  const doc = opts.doc ?? new Y.Doc();
  const personKey = opts.person === undefined ? randomId() : opts.person;
  const provider = new WebsocketProvider(wsBase(url), boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { ...(token !== undefined && { token }), ...(personKey !== null && { person: personKey }) },
    maxBackoffTime: 500,
  });
  shareExitListener(provider);
  let attempts = 0;
  provider.on('status', ({ status }) => {
    if (status === 'connecting') attempts++;
  });
  // setupWS ran in the constructor, before our listener: count that first attempt.
  if (provider.ws) attempts = 1;
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) return resolve();
    const on = (s: boolean) => {
      if (!s) return;
      provider.off('sync', on);
      resolve();
    };
    provider.on('sync', on);
  });
  const closeCodes: number[] = [];
  let onClose: (c: { code: number; reason: string }) => void = () => {};
  const closed = new Promise<{ code: number; reason: string }>((r) => (onClose = r));
  provider.on('connection-close', (event) => {
    if (!event) return;
    closeCodes.push(event.code);
    onClose({ code: event.code, reason: event.reason });
  });
  const client: TestClient = {
    doc,
    provider,
    personKey,
    synced,
    closed,
    closeCodes,
    attempts: () => attempts,
    waitFor: (predicate, what = 'condition', timeoutMs = 5000) => waitUntil(predicate, what, timeoutMs, doc),
    destroy() {
      open.delete(client);
      try {
        provider.destroy();
      } catch {
        // y-websocket throws here if the doc changed its clientID (Yjs does that when it sees its own
        // id in a remote update); the socket is closed by then: cleanup must never fail a test.
        provider.ws?.close();
      }
    },
  };
  open.add(client);
  return client;
}

/** Connects and waits for the first sync. */
export async function syncedClient(url: string, boardId: string, token: string, opts: ClientOptions = {}): Promise<TestClient> {
  const c = connectClient(url, boardId, token, opts);
  await withTimeout(c.synced, 5000, `client of ${boardId} to sync`);
  return c;
}

/** Destroys every client created by connectClient that is still open (for afterEach). */
export function destroyAllClients(): void {
  for (const c of [...open]) c.destroy();
}

export function waitUntil(predicate: () => boolean, what: string, timeoutMs = 5000, doc?: Y.Doc): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      let ok = false;
      try {
        ok = predicate();
      } catch {
        ok = false;
      }
      if (!ok) return false;
      cleanup();
      resolve();
      return true;
    };
    const onUpdate = () => void check();
    const timer = setInterval(check, 10);
    const deadline = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const cleanup = () => {
      clearInterval(timer);
      clearTimeout(deadline);
      doc?.off('update', onUpdate);
    };
    doc?.on('update', onUpdate);
    check();
  });
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function createBoardViaApi(url: string, body: Record<string, unknown> = {}): Promise<CreateBoardResponse> {
  const res = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST /api/boards answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as CreateBoardResponse;
}

/**
 * Makes sure the server has processed everything `from` sent before this call, and that everything the
 * server relayed before that has reached `to`: `from` publishes an awareness mark (same socket, so it is
 * handled after `from`'s earlier messages) and we wait until every client in `to` sees it.
 */
export async function awarenessBarrier(from: TestClient, to: TestClient[]): Promise<void> {
  const mark = Math.random().toString(36).slice(2);
  from.provider.awareness.setLocalStateField('barrier', mark);
  const id = from.doc.clientID;
  await Promise.all(
    to.map((c) =>
      waitUntil(() => (c.provider.awareness.getStates().get(id) as { barrier?: string } | undefined)?.barrier === mark, 'awareness barrier'),
    ),
  );
}
