import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Bytes of a request body the server reads and throws away after it has answered without needing the
 * body (a POST to `/`, an unknown API route, a body over its route's limit). Node would otherwise read
 * the rest to reuse the connection, however long it is: 200 MiB were read that way.
 */
export const MAX_UNREAD_BODY_BYTES = 64 * 1024;
/** How long the server keeps reading such a body so the client sees the answer, before cutting it off. */
const UNREAD_BODY_GRACE_MS = 2000;

/**
 * Call once per request, before answering. A request that carries a body is answered with
 * `Connection: close`; if its body was not read to the end when the answer is sent, at most
 * MAX_UNREAD_BODY_BYTES more are read (so the client can still read the answer) and then the
 * connection is cut.
 */
export function boundUnreadBody(req: IncomingMessage, res: ServerResponse): void {
  const length = Number(req.headers['content-length'] ?? 0);
  const hasBody = req.headers['transfer-encoding'] !== undefined || (Number.isFinite(length) && length > 0);
  if (!hasBody) return;
  res.setHeader('Connection', 'close');
  res.once('finish', () => {
    if (req.complete) return;
    let discarded = 0;
    const cut = () => req.socket.destroy();
    const timer = setTimeout(cut, UNREAD_BODY_GRACE_MS);
    timer.unref();
    req.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > MAX_UNREAD_BODY_BYTES) cut();
    });
    req.once('end', () => clearTimeout(timer));
    req.once('close', () => clearTimeout(timer));
    req.resume();
  });
}
