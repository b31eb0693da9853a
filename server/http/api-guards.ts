import { clientAddress } from './client-address';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RateByKey } from '../rate-by-key';
import type { ServerConfig } from '../config';
import { originAllowed } from './origin';
import { sendError } from './respond';

/** Origin allow-list and the per-address rate of new boards; answers the refusal itself. */
export function mayCreateBoard(req: IncomingMessage, res: ServerResponse, deps: { config: Pick<ServerConfig, 'allowedOrigins'>; creations: RateByKey }): boolean {
  if (!originAllowed(req.headers.origin, deps.config.allowedOrigins)) {
    sendError(res, 403, 'origin_not_allowed', 'This origin may not create boards.');
    return false;
  }
  if (!deps.creations.take(clientAddress(req))) {
    res.setHeader('Retry-After', '60');
    sendError(res, 429, 'too_many_boards', 'Too many new boards from this address; try again in a minute.');
    return false;
  }
  return true;
}

export function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('Allow', allow);
  sendError(res, 405, 'method_not_allowed', `Use ${allow}.`);
}
