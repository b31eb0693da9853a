import { ROLES, type BoardAccess, type CreateBoardResponse, type Role } from '../../../shared/protocol';
import type { Locale } from '../../../shared/doc/schema';

/** The two REST calls the client makes; everything else travels over the board's websocket. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function createBoard(input: { title: string; locale: Locale }): Promise<CreateBoardResponse> {
  const res = await fetch('/api/boards', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: input.title.trim() || undefined, locale: input.locale }),
  });
  const body = (await res.json().catch(() => null)) as (CreateBoardResponse & { message?: string }) | null;
  if (res.status !== 201 || !body?.id || !body.tokens) throw new ApiError(res.status, body?.message ?? res.statusText);
  return body;
}

export interface Access extends BoardAccess {
  /** Tokens this role may share (the server hands out no more rights than the caller has). */
  links: Partial<Record<Role, string>>;
}

/** Resolves the role a token gives. Throws ApiError with 401/404, or a TypeError when offline. */
export async function fetchAccess(id: string, token: string, signal?: AbortSignal): Promise<Access> {
  const res = await fetch(`/api/boards/${encodeURIComponent(id)}/access`, {
    headers: { Authorization: `Bearer ${token}` },
    signal,
  });
  if (!res.ok) throw new ApiError(res.status, res.statusText);
  const body = (await res.json()) as Partial<Access>;
  if (!body.role || !ROLES.includes(body.role)) throw new ApiError(500, 'bad access response');
  const links: Partial<Record<Role, string>> = {};
  for (const role of ROLES) {
    const v = body.links?.[role];
    if (typeof v === 'string') links[role] = v;
  }
  return { id, role: body.role, title: typeof body.title === 'string' ? body.title : '', links };
}
