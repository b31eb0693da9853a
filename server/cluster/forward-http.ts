import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request headers passed on to the owner; the rest (hop-by-hop, cookies) stay here. */
const PASSED = ['content-type', 'authorization', 'origin', 'accept', 'accept-language', 'user-agent'];
const TIMEOUT_MS = 30_000;

/**
 * A board-scoped API request (compact, checkpoints, revert: they need the board's one loaded copy)
 * passed to the instance that owns the board, over the same authenticated hop as websockets. `body` is
 * the request body, already read (these bodies are small). Resolves false when the owner could not be
 * reached, before anything was answered.
 */
export function forwardHttp(req: IncomingMessage, res: ServerResponse, ownerUrl: string, target: string, body: Buffer, hop: Record<string, string>): Promise<boolean> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { ...hop, 'content-length': String(body.length) };
    for (const h of PASSED) {
      const v = req.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    const up = http.request(new URL(target, ownerUrl), { method: req.method, headers, timeout: TIMEOUT_MS });
    up.on('response', (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
      resolve(true);
    });
    up.on('timeout', () => up.destroy(new Error('timed out')));
    up.on('error', () => {
      if (res.headersSent) res.destroy();
      resolve(res.headersSent);
    });
    up.end(body);
  });
}
