import { createHash, timingSafeEqual } from 'node:crypto';
import * as Y from 'yjs';
import { initBoardDoc } from '../shared/doc/board-doc';
import { randomId } from '../shared/doc/ids';
import type { Locale } from '../shared/doc/schema';
import { ROLES, type Role } from '../shared/protocol';
import type { BoardRecord, BoardStore } from './storage/board-store';

/**
 * Board ids and tokens: 128 random bits each. The first document state is written by `fill`
 * (a new board's default stages and lanes, or a restored backup) before anyone can connect.
 */
export async function createBoard(
  store: BoardStore,
  input: { title: string; locale: Locale },
  /**
   * Writes the first state into a new doc (by default a new board's skeleton); or that state already
   * encoded, in pieces: the first is stored as the snapshot, the others as the update log, one write
   * each (so a large restored board never holds the event loop in one long write). Nobody knows the
   * board's id before this resolves, so nobody sees it half written.
   */
  fill: ((doc: Y.Doc, record: BoardRecord) => void) | Uint8Array[] = (doc, record) => initBoardDoc(doc, record),
): Promise<BoardRecord> {
  const record: BoardRecord = {
    id: randomId(),
    title: input.title,
    locale: input.locale,
    createdAt: Date.now(),
    tokens: { facilitator: randomId(), participant: randomId(), viewer: randomId() },
  };
  if (Array.isArray(fill)) {
    await store.createBoard(record, fill[0] ?? Y.encodeStateAsUpdate(new Y.Doc()));
    for (let i = 1; i < fill.length; i++) await store.appendUpdate(record.id, i - 1, fill[i]);
    return record;
  }
  const doc = new Y.Doc();
  fill(doc, record);
  await store.createBoard(record, Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return record;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The role a token grants on a board, compared in constant time; null for a wrong token. */
export function roleForToken(record: BoardRecord, token: string | null | undefined): Role | null {
  if (!token) return null;
  const given = digest(token);
  let found: Role | null = null;
  // Compare against every role, without stopping early, so timing says nothing about which matched.
  for (const role of ROLES) if (timingSafeEqual(given, digest(record.tokens[role])) && !found) found = role;
  return found;
}

/** Ids are base64url; anything else cannot name a board and is refused before touching the store. */
export function isBoardId(id: string): boolean {
  return /^[A-Za-z0-9_-]{16,64}$/.test(id);
}
