/** Raw peers: a bare `ws` socket that records every frame it gets, for counting and hostile frames. */
import { WebSocket } from 'ws';
import { WS_PATH } from '../../../shared/protocol';
import { waitUntil } from '../../test-support/clients';
import { frame, kindOf, syncPayload, type Kind } from './frames';

export interface Peer {
  ws: WebSocket;
  received: Uint8Array[];
  /** Resolves on open; rejects if the socket closes or is refused first. */
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  /** The HTTP status when the upgrade was refused (403, 404…), else undefined. */
  refusedStatus(): number | undefined;
  isOpen(): boolean;
  send(data: Uint8Array | string): void;
  count(kind: Kind): number;
  waitFor(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  /** Sends step 1 and waits for the server's step 2 (the board's whole state). */
  sync(timeoutMs?: number): Promise<Uint8Array>;
  /**
   * Sends step 1 and resolves when the server answered it (so it handled everything sent before) or
   * closed the socket. Event-driven, no polling: fuzzing runs thousands of these. Asks only for what
   * changed since the server greeted this peer, so it stays cheap on large boards.
   */
  probe(timeoutMs?: number): Promise<'answered' | 'closed' | 'timeout'>;
  close(): void;
}

const openPeers = new Set<Peer>();

export function wsUrl(httpUrl: string, boardId: string, token?: string): string {
  const q = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
  return `${httpUrl.replace(/^http/, 'ws')}${WS_PATH}/${boardId}${q}`;
}

export function openPeer(httpUrl: string, boardId: string, token?: string, opts: { origin?: string; rawUrl?: string } = {}): Peer {
  const ws = new WebSocket(opts.rawUrl ?? wsUrl(httpUrl, boardId, token), {
    headers: opts.origin ? { Origin: opts.origin } : {},
    handshakeTimeout: 10_000,
  });
  const received: Uint8Array[] = [];
  let status: number | undefined;
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  ws.on('error', () => {});
  ws.on('unexpected-response', (_req, res) => {
    status = res.statusCode;
    res.resume();
    ws.terminate();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    void closed.then(({ code }) => reject(new Error(`closed (${code}, status ${status}) before open`)));
  });
  opened.catch(() => {});
  const peer: Peer = {
    ws,
    received,
    opened,
    closed,
    refusedStatus: () => status,
    isOpen: () => ws.readyState === ws.OPEN,
    send(data) {
      if (ws.readyState === ws.OPEN) ws.send(data);
    },
    count: (kind) => received.filter((m) => kindOf(m) === kind).length,
    waitFor: (predicate, what, timeoutMs = 5000) => waitUntil(predicate, what, timeoutMs),
    async sync(timeoutMs = 5000) {
      const before = received.length;
      peer.send(frame.step1());
      let found: Uint8Array | undefined;
      await waitUntil(() => (found = received.slice(before).find((m) => kindOf(m) === 'step2')) !== undefined, 'step 2', timeoutMs);
      return syncPayload(found!);
    },
    probe(timeoutMs = 10_000) {
      if (ws.readyState !== ws.OPEN) return Promise.resolve('closed' as const);
      return new Promise((resolve) => {
        const finish = (r: 'answered' | 'closed' | 'timeout') => {
          clearTimeout(timer);
          ws.off('message', onMessage);
          ws.off('close', onClose);
          resolve(r);
        };
        const onMessage = (data: Buffer) => {
          if (kindOf(new Uint8Array(data)) === 'step2') finish('answered');
        };
        const onClose = () => finish('closed');
        const timer = setTimeout(() => finish('timeout'), timeoutMs);
        ws.on('message', onMessage);
        ws.on('close', onClose);
        // With the server's own state vector (from its greeting) the answer is only what changed since:
        // the server pays answers from a send budget (sync-answers.ts), and a barrier needs no board.
        const greeting = received.find((m) => kindOf(m) === 'step1');
        ws.send(greeting ? frame.step1(syncPayload(greeting)) : frame.step1());
      });
    },
    close() {
      openPeers.delete(peer);
      if (ws.readyState !== ws.CLOSED) ws.terminate();
    },
  };
  openPeers.add(peer);
  return peer;
}

export function closeAllPeers(): void {
  for (const p of [...openPeers]) p.close();
}

/** One raw y-websocket session: open, sync the whole board, close. The cheapest way to load a board. */
export async function rawHandshake(httpUrl: string, boardId: string, token: string): Promise<Uint8Array> {
  const p = openPeer(httpUrl, boardId, token);
  try {
    await p.opened;
    return await p.sync(10_000);
  } finally {
    p.close();
  }
}
