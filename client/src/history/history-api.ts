import { validateBackup } from '../../../shared/backup/from-backup';
import type { Backup } from '../../../shared/backup/backup-schema';
import type {
  CreateVersionResponse,
  RestoreNewBoardResponse,
  RevertResponse,
  VersionEntry,
  VersionListResponse,
} from '../../../shared/history/version-types';
import { ApiError } from '../lib/api';
import { sessionStore } from '../store/session-store';
import { prefsStore } from '../store/prefs-store';

/**
 * The board history routes (docs/api.md, "Board history"), with the page's board token in the
 * Authorization header. Each throws ApiError (status and the server's error code) or a TypeError offline.
 */

function board(): { id: string; token: string } {
  const { boardId, token } = sessionStore.getState();
  if (!boardId || !token) throw new ApiError(0, 'no_board');
  return { id: boardId, token };
}

async function call<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}, ok = 200): Promise<T> {
  const { id, token } = board();
  const res = await fetch(`/api/boards/${encodeURIComponent(id)}/versions${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${token}`, ...(init.body !== undefined && { 'Content-Type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
  });
  if (ok === 204 && res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as (T & { error?: string }) | null;
  if (res.status !== ok || data === null) throw new ApiError(res.status, data?.error ?? res.statusText);
  return data;
}

export async function listVersions(signal?: AbortSignal): Promise<VersionEntry[]> {
  const body = await call<VersionListResponse>('', { signal });
  return Array.isArray(body.versions) ? body.versions : [];
}

export function createVersion(label: string, by: string): Promise<CreateVersionResponse> {
  return call<CreateVersionResponse>('', { method: 'POST', body: { label, ...(by.trim() && { by: by.trim().slice(0, 60) }) } }, 201);
}

/** A checkpoint's content, checked with the backup schema like any file the app reads. */
export async function fetchVersion(vid: string, signal?: AbortSignal): Promise<Backup> {
  const data = await call<unknown>(`/${encodeURIComponent(vid)}`, { signal });
  const parsed = validateBackup(data);
  if (!parsed.ok) throw new ApiError(500, 'invalid_backup');
  return parsed.backup;
}

export function restoreAsNewBoard(vid: string, title?: string): Promise<RestoreNewBoardResponse> {
  return call<RestoreNewBoardResponse>(`/${encodeURIComponent(vid)}/restore`, { method: 'POST', body: { mode: 'new-board', ...(title && { title }) } }, 201);
}

export function revertTo(vid: string): Promise<RevertResponse> {
  return call<RevertResponse>(`/${encodeURIComponent(vid)}/restore`, { method: 'POST', body: { mode: 'revert', ...(prefsStore.getState().name.trim() && { by: prefsStore.getState().name.trim().slice(0, 60) }) } });
}

/** Facilitator: deletes a named checkpoint (the server keeps the others). */
export function deleteVersion(vid: string): Promise<void> {
  return call<void>(`/${encodeURIComponent(vid)}`, { method: 'DELETE' }, 204);
}
