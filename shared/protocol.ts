/**
 * What client and server agree on beyond the y-websocket protocol itself.
 * Close codes 4400–4499 stop a stock y-websocket client from reconnecting.
 */
export const CLOSE = {
  badToken: 4401,
  unknownBoard: 4404,
  policy: 1008,
  tooBig: 1009,
  /** The server's queue towards this socket passed MAX_SEND_BUFFER_BYTES: it reads too slowly (it reconnects). */
  slowReader: 4008,
  /**
   * The board was compacted (rewritten without its history): drop any local copy of it (IndexedDB)
   * and load it again. Outside 4400–4499, so a stock client reconnects (and cannot bring the old
   * history back: see server/rooms/compact-board.ts).
   */
  reload: 4205,
  restart: 1012,
  tryAgainLater: 1013,
} as const;

export type Role = 'facilitator' | 'participant' | 'viewer';
export const ROLES: readonly Role[] = ['facilitator', 'participant', 'viewer'];

/** Websocket path prefix: a board's socket is `/ws/<boardId>?token=…`. */
export const WS_PATH = '/ws';

export interface CreateBoardResponse {
  id: string;
  tokens: Record<Role, string>;
}

/** What `GET /api/network` answers: the addresses share links and QR codes should use. */
export interface NetworkInfo {
  /** `PUBLIC_URL`, when the operator set one: always used for links. */
  publicUrl: string | null;
  /** `http://<this machine's network address>:<port>`, only to browsers on the machine itself. */
  networkUrl: string | null;
}

/** What `POST /api/boards/:id/compact` answers: the board's stored size before and after. */
export interface CompactBoardResponse {
  bytesBefore: number;
  bytesAfter: number;
}

/** What `GET /api/boards/:id/role?token=` answers: lets the client know its role before syncing. */
export interface BoardAccess {
  id: string;
  role: Role;
  title: string;
}
