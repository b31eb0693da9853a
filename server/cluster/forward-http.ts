import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError } from '../http/respond';

/** Request headers passed on to the owner; the rest (hop-by-hop, cookies) stay here. */
const PASSED = ['content-type', 'authorization', 'origin', 'accept', 'accept-language', 'user-agent'];
const TIMEOUT_MS = 30_000;

/**
 * Set on the answer of an instance that was asked about a board it does not own (any more): the board
 * moved while the request was on its way. The forwarder then asks who owns it now (forward-api.ts).
 */
export const BOARD_MOVED_HEADER = 'x-journey-board-moved';

/**
 * The answer to a board-scoped request that reached an instance which does not own the board (it moved
 * to another meanwhile, or the store refused this copy's write with the fence): nothing was done, and the
 * client may try again at once.
 */
export function sendBoardMoved(res: ServerResponse): void {
  res.setHeader('Retry-After', '1');
  res.setHeader(BOARD_MOVED_HEADER, '1');
  sendError(res, 503, 'board_moved', 'The board moved to another server instance while this request ran; nothing was changed. Try again.');
}

/** How a forwarded request ended: answered (passed on to the client), or nothing sent yet and why. */
export type ForwardOutcome = 'answered' | 'moved' | 'unreachable';

/**
 * A board-scoped API request (compact, checkpoints, revert: they need the board's one loaded copy)
 * passed to the instance that owns the board, over the same authenticated hop as websockets. `body` is
 * the request body, already read (these bodies are small). Resolves 'unreachable' when the owner could
 * not be reached and 'moved' when it no longer owns the board, in both cases before anything was
 * answered, so the caller may try the new owner.
 */
export function forwardHttp(req: IncomingMessage, res: ServerResponse, ownerUrl: string, target: string, body: Buffer, hop: Record<string, string>): Promise<ForwardOutcome> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { ...hop, 'content-length': String(body.length) };
    for (const h of PASSED) {
      const v = req.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    const up = http.request(new URL(target, ownerUrl), { method: req.method, headers, timeout: TIMEOUT_MS });
    up.on('response', (r) => {
      if (r.statusCode === 503 && r.headers[BOARD_MOVED_HEADER]) {
        r.resume();
        return resolve('moved');
      }
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
      resolve('answered');
    });
    up.on('timeout', () => up.destroy(new Error('timed out')));
    up.on('error', () => {
      if (res.headersSent) res.destroy();
      resolve(res.headersSent ? 'answered' : 'unreachable');
    });
    up.end(body);
  });
}
