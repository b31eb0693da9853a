import { WebSocket, type RawData } from 'ws';

/**
 * A client's websocket piped to the board's owner (docs/scaling.md). Frames go through unchanged in
 * both directions; the owner does everything else (roles, locks, limits, presence) on its one
 * authoritative document. Backpressure: when one side cannot take frames as fast as the other sends,
 * reading from the sender pauses until the queue drains, so a slow client makes the owner see a slow
 * reader (and close it, as it would without the hop) rather than this instance buffering without end.
 * A close on either side closes the other with the same code.
 */

/** Bytes queued towards one side past which the other side stops being read. */
const HIGH_WATER = 1024 * 1024;
const LOW_WATER = 256 * 1024;
/** How long the owner may take to accept the hop. */
const CONNECT_TIMEOUT_MS = 5_000;

/** Codes that cannot be sent in a close frame are replaced by one that can. */
function sendable(code: number, fallback: number): number {
  if (code === 1000 || (code >= 1001 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999)) return code;
  return fallback;
}

export interface Forwarded {
  close(code: number, reason: string): void;
  /** Keep-alive sweep towards the client, as for local connections: false if the last ping got no pong. */
  checkAlive(): boolean;
}

/**
 * Opens the hop to `url` (the owner's websocket URL, query included). Resolves once the owner accepted
 * it, or rejects (unreachable, refused, timed out) so the caller can claim the board again.
 */
export function openHop(url: string, headers: Record<string, string>, maxPayload: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const upstream = new WebSocket(url, { headers, maxPayload, handshakeTimeout: CONNECT_TIMEOUT_MS, perMessageDeflate: false });
    const fail = (why: string) => {
      upstream.removeAllListeners();
      upstream.on('error', () => undefined);
      upstream.terminate();
      reject(new Error(why));
    };
    upstream.once('open', () => {
      upstream.removeAllListeners();
      // Held until pipe() listens: the owner's first frames (its sync step 1) can come in the same
      // read as the 101 answer, and ws emits them on the next tick, before the awaiting caller runs;
      // unheard, the client would never send the owner what it wrote while reconnecting.
      upstream.pause();
      upstream.on('error', () => undefined);
      resolve(upstream);
    });
    upstream.once('unexpected-response', (_req, res) => fail(`owner answered ${res.statusCode}`));
    upstream.once('error', (err) => fail(String(err)));
    upstream.once('close', (code) => fail(`closed ${code}`));
  });
}

/**
 * Pipes `client` and `upstream` together. `early` holds the client's frames that arrived before the
 * hop was open; they go first, in order. `onClose` runs once, when both are done.
 */
export function pipe(client: WebSocket, upstream: WebSocket, early: Array<{ data: RawData; binary: boolean }>, onClose: () => void): Forwarded {
  let alive = true;
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    onClose();
  };
  const relay = (from: WebSocket, to: WebSocket) => (data: RawData, binary: boolean) => {
    if (to.readyState !== WebSocket.OPEN) return;
    to.send(data, { binary }, () => {
      if (from.isPaused && to.bufferedAmount < LOW_WATER) from.resume();
    });
    if (to.bufferedAmount > HIGH_WATER && !from.isPaused) from.pause();
  };
  for (const m of early) upstream.send(m.data, { binary: m.binary });
  client.on('message', relay(client, upstream));
  upstream.on('message', relay(upstream, client));
  client.on('pong', () => (alive = true));
  // The owner going away (killed, drained, taken over) tells the client to reconnect: 1012.
  upstream.on('close', (code, reason) => {
    if (client.readyState === WebSocket.OPEN || client.readyState === WebSocket.CONNECTING) client.close(sendable(code, 1012), reason);
    finish();
  });
  client.on('close', (code, reason) => {
    if (upstream.readyState === WebSocket.OPEN) upstream.close(sendable(code, 1001), reason);
    else upstream.terminate();
    finish();
  });
  upstream.on('error', () => undefined);
  client.on('error', () => undefined);
  upstream.resume();
  // The owner may have closed the hop before it was piped: the client must not stay on a dead hop.
  if (upstream.readyState !== WebSocket.OPEN) {
    if (client.readyState === WebSocket.OPEN) client.close(1012, 'owner gone');
    finish();
  }
  return {
    close(code, reason) {
      if (client.readyState === WebSocket.OPEN) client.close(code, reason);
      if (upstream.readyState === WebSocket.OPEN) upstream.close(1001, reason);
    },
    checkAlive() {
      if (!alive) {
        client.terminate();
        upstream.terminate();
        return false;
      }
      alive = false;
      client.ping();
      return true;
    },
  };
}
