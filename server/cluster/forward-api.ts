import type { IncomingMessage, ServerResponse } from 'node:http';
import { isBoardId } from '../boards';
import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import type { Metrics } from '../metrics';
import { setForwardedClient } from '../http/client-address';
import { sendError } from '../http/respond';
import { forwardHttp, sendBoardMoved } from './forward-http';
import { checkHop, hopHeaders, type HopCheck } from './hop';
import type { PgOwnership } from './pg-ownership';

/** Board-scoped API bodies are small (a label, a mode); a forwarded one is read whole first. */
const FORWARDED_BODY_LIMIT = 64 * 1024;

/** The board-scoped API writes that need the board's one loaded copy. */
const BOARD_WRITE = /^\/api\/boards\/([^/]+)\/(?:compact|versions(?:\/.*)?)$/;

export interface ForwardApiDeps {
  config: Pick<ServerConfig, 'clusterSecret' | 'instanceId'>;
  log: Logger;
  metrics: Pick<Metrics, 'forgedHops'>;
  /** Null with one instance (LevelDB, or before the leases started). */
  ownership: Pick<PgOwnership, 'ownerOf'> | null;
}

/** Reads a body of at most `limit` bytes. */
async function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large to forward');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** checkHop, with a forged hop counted and logged; `what` names what was refused ('request', 'websocket'). */
export function checkedHop(req: IncomingMessage, target: string, deps: Omit<ForwardApiDeps, 'ownership'>, what: string): HopCheck {
  const hop = checkHop(req.headers, target, deps.config.clusterSecret);
  if (hop.hop && 'forged' in hop) {
    deps.metrics.forgedHops++;
    deps.log.warn(`${what} refused: forged hop`, { why: hop.forged, from: req.socket.remoteAddress });
  }
  return hop;
}

/**
 * Board-scoped API writes (compact, checkpoints, revert) need the board's one loaded copy: when
 * another live instance owns the board, the request goes there over an authenticated hop. True when
 * it was answered here (forwarded, refused as a forged hop, or told to try again).
 *
 * If the owner lost the board while the request was on its way (it answers `board_moved`, see
 * forward-http.ts) or cannot be reached, the request goes once to whoever owns the board now; when
 * that fails too, or nobody else owns it (the body is read by then, so it cannot be answered here),
 * the client gets 503 with Retry-After and a sentence, never a 500.
 */
export async function forwardedToOwner(req: IncomingMessage, res: ServerResponse, url: URL, deps: ForwardApiDeps): Promise<boolean> {
  const { config, log, ownership } = deps;
  const target = url.pathname + url.search;
  const hop = checkedHop(req, target, deps, 'request');
  if (hop.hop && 'forged' in hop) {
    sendError(res, 403, 'forged_hop', 'This request claims to come from another instance, and does not.');
    return true;
  }
  if (hop.hop) {
    setForwardedClient(req, hop.client);
    return false;
  }
  const board = BOARD_WRITE.exec(url.pathname)?.[1];
  if (!ownership || !board || req.method !== 'POST' || !config.clusterSecret || !isBoardId(board)) return false;
  let owner = await ownership.ownerOf(board);
  if (!owner) return false;
  const body = await readRawBody(req, FORWARDED_BODY_LIMIT);
  const headers = hopHeaders(config.clusterSecret, config.instanceId, req.socket.remoteAddress ?? '', target);
  let outcome = await forwardHttp(req, res, owner.url, target, body, headers);
  if (outcome !== 'answered') {
    const now = await ownership.ownerOf(board);
    log.info('forwarded request not answered by the owner; trying the owner of now', { board, owner: owner.instance, outcome, now: now?.instance ?? null });
    if (now && (now.instance !== owner.instance || outcome === 'moved')) {
      owner = now;
      outcome = await forwardHttp(req, res, owner.url, target, body, headers);
    }
  }
  if (outcome === 'answered') return true;
  if (outcome === 'moved') return sendBoardMoved(res), true;
  res.setHeader('Retry-After', '2');
  sendError(res, 503, 'owner_unreachable', 'The instance that holds this board does not answer; try again in a few seconds.');
  return true;
}
