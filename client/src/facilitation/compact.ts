import type { CompactBoardResponse } from '../../../shared/protocol';
import { ApiError } from '../lib/api';
import { holdReloadWhile } from '../sync/board-reload';

/**
 * "Compact the board" (facilitators): asks the server to write the board again without its history
 * (POST /api/boards/:id/compact). The server then closes everyone's socket with 4205 and every page
 * reloads the board (sync/board-reload.ts), this one too; the sizes are kept for this tab in
 * sessionStorage, so the panel can say what it saved after the reload.
 */
const flashKey = (boardId: string) => `journey-studio:compacted:${boardId}`;

export function compactBoard(boardId: string, token: string): Promise<CompactBoardResponse> {
  const request = fetch(`/api/boards/${encodeURIComponent(boardId)}/compact`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  }).then(async (res) => {
    if (!res.ok) throw new ApiError(res.status, res.statusText);
    const body = (await res.json()) as CompactBoardResponse;
    try {
      sessionStorage.setItem(flashKey(boardId), JSON.stringify({ bytesBefore: body.bytesBefore, bytesAfter: body.bytesAfter }));
    } catch {
      /* the status after the reload is a nicety */
    }
    return body;
  });
  return holdReloadWhile(request);
}

/** The sizes of a compaction this tab asked for before it reloaded, once; null if none. */
export function takeCompactionResult(boardId: string): CompactBoardResponse | null {
  try {
    const raw = sessionStorage.getItem(flashKey(boardId));
    if (!raw) return null;
    sessionStorage.removeItem(flashKey(boardId));
    const v = JSON.parse(raw) as Partial<CompactBoardResponse>;
    return typeof v.bytesBefore === 'number' && typeof v.bytesAfter === 'number' ? { bytesBefore: v.bytesBefore, bytesAfter: v.bytesAfter } : null;
  } catch {
    return null;
  }
}

/** Whether such a result waits (the panel opens to show it). */
export function hasCompactionResult(boardId: string): boolean {
  try {
    return sessionStorage.getItem(flashKey(boardId)) !== null;
  } catch {
    return false;
  }
}
