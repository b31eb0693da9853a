import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { MAX_TITLE_LENGTH } from '../../shared/doc/schema';
import { BACKUP_BYTES_PER_DOC_BYTE } from '../../shared/backup/backup-schema';
import { CLOSE, type BoardAccess, type CompactBoardResponse, type CreateBoardResponse, type NetworkInfo, type Role } from '../../shared/protocol';
import { isLoopbackHost } from '../network/network-address';
import { createBoard, isBoardId, roleForToken } from '../boards';
import { rewrittenState } from '../rooms/compact-board';
import type { RoomManager } from '../rooms/room-manager';
import { FencedError, type BoardStore } from '../storage/board-store';
import { NotOwnerError } from '../cluster/ownership';
import { sendBoardMoved } from '../cluster/forward-http';
import type { Logger } from '../log';
import type { ServerConfig } from '../config';
import type { RateByKey } from '../rate-by-key';
import { mayCreateBoard, methodNotAllowed } from './api-guards';
import { handleVersions } from './versions-api';
import type { BoardHistory } from '../history/board-history';
import { BodyError, readJsonBody, readJsonBytes } from './read-body';
import { runImport } from './run-import';
import { sendError, sendJson } from './respond';

const CreateBoardBody = z.strictObject({
  title: z.string().trim().max(MAX_TITLE_LENGTH).optional(),
  locale: z.enum(['it', 'en']).optional(),
});

/** Which links a role may hand out: nobody can share more rights than they have. */
const SHAREABLE: Record<Role, Role[]> = {
  facilitator: ['facilitator', 'participant', 'viewer'],
  participant: ['participant', 'viewer'],
  viewer: ['viewer'],
};

export interface ApiDeps {
  store: BoardStore;
  log: Logger;
  config: Pick<ServerConfig, 'allowedOrigins' | 'publicUrl' | 'maxDocBytes'>;
  /** Board creations per client address. */
  creations: RateByKey;
  /** Open boards: "Compact the board" rewrites one (server/rooms/compact-board.ts); history opens them. */
  rooms: Pick<RoomManager, 'rewrite' | 'open' | 'release'>;
  /** Board history (server/history/): checkpoints, revert. */
  history: BoardHistory;
  /** Board history requests per client address. */
  historyRequests: RateByKey;
  /** Where phones on the network reach this server, or null (see server/network/network-address.ts). */
  networkUrl(): string | null;
}

/** Handles /api/*; returns false for paths it does not own. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, deps: ApiDeps): Promise<boolean> {
  if (!url.pathname.startsWith('/api/')) return false;
  try {
    if (url.pathname === '/api/boards') {
      if (req.method !== 'POST') return methodNotAllowed(res, 'POST'), true;
      if (!mayCreateBoard(req, res, deps)) return true;
      const parsed = CreateBoardBody.safeParse(await readJsonBody(req, 16 * 1024));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        sendError(res, 400, 'invalid_body', `${issue.path.join('.') || 'body'}: ${issue.message}`);
        return true;
      }
      const locale = parsed.data.locale ?? 'it';
      const title = parsed.data.title || (locale === 'it' ? 'Nuovo percorso cliente' : 'New customer journey');
      const record = await createBoard(deps.store, { title, locale });
      deps.log.info('board created', { board: record.id });
      const body: CreateBoardResponse = { id: record.id, tokens: record.tokens };
      sendJson(res, 201, body);
      return true;
    }
    if (url.pathname === '/api/boards/import') {
      if (req.method !== 'POST') return methodNotAllowed(res, 'POST'), true;
      if (!mayCreateBoard(req, res, deps)) return true;
      // Any backup of a board this server could hold (backup-schema.ts), plus room for formatting.
      const limit = BACKUP_BYTES_PER_DOC_BYTE * deps.config.maxDocBytes + 64 * 1024;
      const body = await readJsonBytes(req, limit);
      // Parsed, checked and built in a worker thread: other boards are served meanwhile.
      const outcome = await runImport({ body, maxDocBytes: deps.config.maxDocBytes });
      if (!outcome.ok) {
        if (outcome.problems) sendJson(res, outcome.status, { error: outcome.code, message: outcome.message, problems: outcome.problems });
        else sendError(res, outcome.status, outcome.code, outcome.message);
        return true;
      }
      const record = await createBoard(deps.store, { title: outcome.title, locale: outcome.locale }, outcome.parts);
      deps.log.info('board restored from backup', { board: record.id });
      sendJson(res, 201, { id: record.id, tokens: record.tokens } satisfies CreateBoardResponse);
      return true;
    }
    if (url.pathname === '/api/time') {
      // The shared timer runs on the server's clock; clients measure their offset against this.
      sendJson(res, 200, { now: Date.now() });
      return true;
    }
    if (url.pathname === '/api/network') {
      if (req.method !== 'GET') return methodNotAllowed(res, 'GET'), true;
      // The machine's own network address is told only to a browser on the machine itself: that is
      // the facilitator who opened http://localhost and needs a link phones can reach. Others already
      // reach the server at an address that works, and have no use for its internal one.
      const local = isLoopbackHost(req.socket.remoteAddress ?? '');
      const body: NetworkInfo = { publicUrl: deps.config.publicUrl, networkUrl: local ? deps.networkUrl() : null };
      sendJson(res, 200, body);
      return true;
    }
    const access = /^\/api\/boards\/([^/]+)\/access$/.exec(url.pathname);
    if (access) {
      if (req.method !== 'GET') return methodNotAllowed(res, 'GET'), true;
      const id = access[1];
      const record = isBoardId(id) ? await deps.store.getBoard(id) : null;
      if (!record) return sendError(res, 404, 'unknown_board', 'There is no board with this id.'), true;
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const role = roleForToken(record, token);
      if (!role) return sendError(res, 401, 'bad_token', 'The link is not valid for this board.'), true;
      const links = Object.fromEntries(SHAREABLE[role].map((r) => [r, record.tokens[r]]));
      const body: BoardAccess & { links: Partial<Record<Role, string>> } = { id, role, title: record.title, links };
      sendJson(res, 200, body);
      return true;
    }
    const compact = /^\/api\/boards\/([^/]+)\/compact$/.exec(url.pathname);
    if (compact) {
      if (req.method !== 'POST') return methodNotAllowed(res, 'POST'), true;
      await readJsonBody(req, 1024); // nothing expected; read (and cap) whatever was sent
      const id = compact[1];
      const record = isBoardId(id) ? await deps.store.getBoard(id) : null;
      if (!record) return sendError(res, 404, 'unknown_board', 'There is no board with this id.'), true;
      const role = roleForToken(record, /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]);
      if (!role) return sendError(res, 401, 'bad_token', 'The link is not valid for this board.'), true;
      if (role !== 'facilitator') return sendError(res, 403, 'facilitator_only', 'Only a facilitator may compact the board.'), true;
      const sizes = await deps.rooms.rewrite(id, rewrittenState, { code: CLOSE.reload, reason: 'board compacted' });
      deps.log.info('board compacted', { board: id, bytesBefore: sizes.before, bytesAfter: sizes.after });
      sendJson(res, 200, { bytesBefore: sizes.before, bytesAfter: sizes.after } satisfies CompactBoardResponse);
      return true;
    }
    if (await handleVersions(req, res, url, deps)) return true;
    sendError(res, 404, 'not_found', 'No such API route.');
  } catch (err) {
    if (err instanceof BodyError) sendError(res, err.status, err.code, err.message);
    else if ((err instanceof NotOwnerError || err instanceof FencedError) && !res.headersSent) {
      // The board moved to another instance while this request ran (a hop that raced a takeover, or
      // the fence refused this copy's write): nothing was done, and the client may try again.
      deps.log.info('board moved during a request', { path: url.pathname, err: String(err) });
      sendBoardMoved(res);
    } else {
      deps.log.error('api error', { path: url.pathname, err: String(err) });
      sendError(res, 500, 'internal', 'Something went wrong on the server.');
    }
  }
  return true;
}
