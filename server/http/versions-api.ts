import { clientAddress } from './client-address';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { z } from 'zod';
import { MAX_TITLE_LENGTH } from '../../shared/doc/schema';
import { boardToBackup } from '../../shared/backup/to-backup';
import type { CreateBoardResponse, Role } from '../../shared/protocol';
import {
  MAX_VERSION_BY,
  MAX_VERSION_LABEL,
  isVersionId,
  versionTime,
  type CreateVersionResponse,
  type RevertResponse,
  type VersionListResponse,
} from '../../shared/history/version-types';
import { createBoard, isBoardId, roleForToken } from '../boards';
import { NotNamedError, RevertRefusedError, RoomGoneError, TooManyVersionsError, type BoardHistory } from '../history/board-history';
import type { RoomManager } from '../rooms/room-manager';
import { VersionDamagedError, type BoardRecord, type BoardStore } from '../storage/board-store';
import type { Logger } from '../log';
import type { ServerConfig } from '../config';
import type { RateByKey } from '../rate-by-key';
import { mayCreateBoard, methodNotAllowed } from './api-guards';
import { readJsonBody } from './read-body';
import { runImport } from './run-import';
import { importWork } from './import-work';
import { SECURITY_HEADERS, sendError, sendJson } from './respond';

/**
 * Board history routes (docs/api.md, "Board history"): list, take a named checkpoint, read one as a
 * backup file, delete a named one, restore one as a new board or revert the live board to it. The
 * token comes in the `Authorization` header only.
 */
export interface VersionsDeps {
  store: BoardStore;
  log: Logger;
  config: Pick<ServerConfig, 'allowedOrigins' | 'maxDocBytes'>;
  creations: RateByKey;
  /** History requests per client address. */
  historyRequests: RateByKey;
  rooms: Pick<RoomManager, 'open' | 'release'>;
  history: BoardHistory;
}

/** Small bodies only: a label, a mode. A huge label gets a 400 below this, a huge body 413. */
const BODY_LIMIT = 16 * 1024;
const by = z.string().trim().max(MAX_VERSION_BY).optional();
const NamedBody = z.strictObject({ label: z.string().trim().min(1).max(MAX_VERSION_LABEL), by });
const RestoreBody = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('new-board'), title: z.string().trim().min(1).max(MAX_TITLE_LENGTH).optional() }),
  z.strictObject({ mode: z.literal('revert'), by }),
]);

const ROUTE = /^\/api\/boards\/([^/]+)\/versions(?:\/([^/]+)(\/restore)?)?$/;

/** Handles the history routes; false for paths that are not one. */
export async function handleVersions(req: IncomingMessage, res: ServerResponse, url: URL, deps: VersionsDeps): Promise<boolean> {
  const m = ROUTE.exec(url.pathname);
  if (!m) return false;
  const [, boardId, version, restore] = m;
  const allow = restore ? 'POST' : version ? 'GET, DELETE' : 'GET, POST';
  if (!allow.split(', ').includes(req.method ?? '')) return methodNotAllowed(res, allow), true;
  if (!deps.historyRequests.take(clientAddress(req))) {
    res.setHeader('Retry-After', '30');
    return sendError(res, 429, 'too_many_requests', 'Too many history requests from this address; try again shortly.'), true;
  }
  const record = isBoardId(boardId) ? await deps.store.getBoard(boardId) : null;
  if (!record) return sendError(res, 404, 'unknown_board', 'There is no board with this id.'), true;
  const role = roleForToken(record, /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]);
  if (!role) return sendError(res, 401, 'bad_token', 'The link is not valid for this board.'), true;

  if (!version) {
    if (req.method === 'GET') {
      const versions = (await deps.store.listVersions(boardId)).reverse();
      return sendJson(res, 200, { versions } satisfies VersionListResponse), true;
    }
    if (!facilitator(res, role, 'take a named checkpoint')) return true;
    const body = parse(res, NamedBody, await readJsonBody(req, BODY_LIMIT));
    if (!body) return true;
    return withRoom(deps, boardId, async (room) => {
      try {
        const entry = await deps.history.take(room, { kind: 'named', label: body.label, by: body.by || null });
        sendJson(res, 201, { id: entry.id, at: entry.at } satisfies CreateVersionResponse);
      } catch (err) {
        if (!(err instanceof TooManyVersionsError)) throw err;
        sendError(res, 409, 'too_many_versions', `${err.message} Named checkpoints are kept; this one was not taken.`);
      }
    });
  }

  // Ids that cannot be a checkpoint's never reach the store.
  if (!isVersionId(version)) return unknownVersion(res), true;
  if (req.method === 'DELETE') {
    if (!facilitator(res, role, 'delete a checkpoint')) return true;
    try {
      if (!(await deps.history.deleteNamed(boardId, version))) return unknownVersion(res), true;
    } catch (err) {
      if (!(err instanceof NotNamedError)) throw err;
      return sendError(res, 409, 'not_named', `${err.message} Automatic checkpoints and those taken before a revert stay.`), true;
    }
    res.writeHead(204, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store' });
    return res.end(), true;
  }
  if (!restore) {
    const state = await readVersion(res, deps, boardId, version);
    if (!state) return true;
    return sendJson(res, 200, backupOf(state, versionTime(version))), true;
  }

  const body = parse(res, RestoreBody, await readJsonBody(req, BODY_LIMIT));
  if (!body) return true;
  if (body.mode === 'new-board') {
    const state = await readVersion(res, deps, boardId, version);
    if (!state) return true;
    if (!mayCreateBoard(req, res, deps)) return true;
    const created = await restoreAsNewBoard(deps, record, state, versionTime(version), body.title);
    if ('error' in created) return sendError(res, created.status, created.error, created.message), true;
    deps.log.info('board restored from checkpoint', { board: created.id, from: boardId, version });
    return sendJson(res, 201, created), true;
  }
  if (!facilitator(res, role, 'revert the board')) return true;
  return withRoom(deps, boardId, async (room) => {
    try {
      const before = await deps.history.revert(room, version, body.by || null);
      if (!before) return unknownVersion(res);
      deps.log.info('board reverted', { board: boardId, to: version, before: before.id });
      sendJson(res, 200, { before: { id: before.id, at: before.at } } satisfies RevertResponse);
    } catch (err) {
      if (err instanceof VersionDamagedError) return damaged(res, deps, err);
      if (err instanceof RevertRefusedError) {
        deps.log.info('revert refused', { board: boardId, to: version, reason: err.reason });
        return sendError(res, err.reason === 'doc-too-large' ? 413 : 422, err.reason === 'doc-too-large' ? 'board_too_large' : 'version_over_limits', err.message);
      }
      if (!(err instanceof RoomGoneError)) throw err;
      res.setHeader('Retry-After', '1');
      sendError(res, 503, 'try_again', 'The board was being reloaded; nothing was changed. Try again.');
    }
  });
}

function facilitator(res: ServerResponse, role: Role, what: string): boolean {
  if (role === 'facilitator') return true;
  sendError(res, 403, 'facilitator_only', `Only a facilitator may ${what}.`);
  return false;
}

function parse<T>(res: ServerResponse, schema: z.ZodType<T>, value: unknown): T | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  sendError(res, 400, 'invalid_body', `${issue.path.join('.') || 'body'}: ${issue.message}`);
  return null;
}

function unknownVersion(res: ServerResponse): void {
  sendError(res, 404, 'unknown_version', 'This board has no checkpoint with this id.');
}

function damaged(res: ServerResponse, deps: VersionsDeps, err: Error): void {
  deps.log.error('checkpoint damaged', { err: err.message });
  sendError(res, 500, 'version_damaged', 'This checkpoint is damaged in the store and cannot be read; the board itself is not affected.');
}

async function readVersion(res: ServerResponse, deps: VersionsDeps, boardId: string, version: string): Promise<Uint8Array | null> {
  try {
    const state = await deps.store.getVersion(boardId, version);
    if (!state) unknownVersion(res);
    return state;
  } catch (err) {
    if (!(err instanceof VersionDamagedError)) throw err;
    damaged(res, deps, err);
    return null;
  }
}

/** The board loaded (as for a socket) while `fn` runs; released after, so it unloads when idle. */
async function withRoom(deps: VersionsDeps, boardId: string, fn: (room: Awaited<ReturnType<RoomManager['open']>>) => Promise<void>): Promise<true> {
  const room = await deps.rooms.open(boardId);
  try {
    await fn(room);
  } finally {
    deps.rooms.release(room);
  }
  return true;
}

function backupOf(state: Uint8Array, at: number) {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return boardToBackup(doc, at);
  } finally {
    doc.destroy();
  }
}

/**
 * Checkpoints up to this size are restored on the event loop (a few milliseconds of work); larger ones
 * in the import's worker thread, which costs a thread start but keeps other boards served meanwhile.
 */
const INLINE_RESTORE_BYTES = 512 * 1024;

/** A new board from a checkpoint, by the backup import's own path (import-work.ts: validated, built in pieces). */
async function restoreAsNewBoard(
  deps: VersionsDeps,
  from: BoardRecord,
  state: Uint8Array,
  at: number,
  title: string | undefined,
): Promise<CreateBoardResponse | { status: number; error: string; message: string }> {
  const backup = backupOf(state, at);
  if (title) backup.board.meta.title = title;
  if (!backup.board.meta.title.trim()) backup.board.meta.title = from.title;
  const job = { body: new TextEncoder().encode(JSON.stringify(backup)), maxDocBytes: deps.config.maxDocBytes };
  const outcome = state.byteLength <= INLINE_RESTORE_BYTES ? importWork(job) : await runImport(job);
  if (!outcome.ok) {
    deps.log.error('checkpoint could not be restored', { board: from.id, code: outcome.code, message: outcome.message });
    return { status: outcome.status === 413 ? 413 : 500, error: outcome.status === 413 ? outcome.code : 'version_unusable', message: outcome.message };
  }
  const record = await createBoard(deps.store, { title: outcome.title, locale: outcome.locale }, outcome.parts);
  return { id: record.id, tokens: record.tokens };
}
