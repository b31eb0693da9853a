/**
 * The most a socket may have queued and unsent before the server gives up on it.
 *
 * Why: `ws` queues whatever it is asked to send. A client that stops reading (a paused socket, a dead
 * phone behind a proxy that keeps the TCP connection open) makes the server hold everything relayed to
 * it in memory: 535 MiB were queued towards 10 paused sockets. Before each send the socket's queue
 * (`bufferedAmount`) is compared with the ceiling; past it the socket is closed with CLOSE.slowReader,
 * and cut off after a short grace if it does not read its close frame either. A stock client
 * reconnects and syncs what it missed. One message may take a socket past the ceiling (the first sync
 * of a large board must go out whole), the next one closes it: so at most the ceiling plus one message
 * is ever queued for one socket.
 */
export interface SendQueue {
  readonly bufferedAmount: number;
}

export function overCeiling(ws: SendQueue, ceiling: number): boolean {
  return ws.bufferedAmount > ceiling;
}

/** How long a slow reader closed for it has to read its close frame before its socket is cut. */
export const SLOW_READER_GRACE_MS = 2000;
