import { ROLES, type Role } from '../../../shared/protocol';
import { readLocal, STORAGE_KEYS, writeLocal } from './storage';

/**
 * Boards this browser has opened, with the key to open them again. Tokens are secrets: they stay in
 * this browser's storage and are never sent anywhere but to their own server.
 */
export interface SavedBoard {
  id: string;
  title: string;
  role: Role;
  token: string;
  /** Links this person may hand out (the facilitator gets them at creation, others from /access). */
  links: Partial<Record<Role, string>>;
  lastOpened: number;
}

const MAX_SAVED = 50;
const RANK: Record<Role, number> = { viewer: 0, participant: 1, facilitator: 2 };

export function parseSavedBoards(json: string | null): SavedBoard[] {
  if (!json) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const out: SavedBoard[] = [];
  for (const r of raw) {
    if (!r || typeof r !== 'object') continue;
    const b = r as Record<string, unknown>;
    if (typeof b.id !== 'string' || typeof b.token !== 'string' || !ROLES.includes(b.role as Role)) continue;
    const links: Partial<Record<Role, string>> = {};
    if (b.links && typeof b.links === 'object') {
      for (const role of ROLES) {
        const v = (b.links as Record<string, unknown>)[role];
        if (typeof v === 'string') links[role] = v;
      }
    }
    out.push({
      id: b.id,
      title: typeof b.title === 'string' ? b.title : '',
      role: b.role as Role,
      token: b.token,
      links,
      lastOpened: typeof b.lastOpened === 'number' ? b.lastOpened : 0,
    });
  }
  return out;
}

/**
 * Adds or refreshes a board. The strongest role's token is kept: a facilitator who scans their own
 * participant QR code on the same laptop must not lose the facilitator link.
 */
export function upsertSavedBoard(list: SavedBoard[], entry: SavedBoard): SavedBoard[] {
  const prev = list.find((b) => b.id === entry.id);
  let next: SavedBoard = entry;
  if (prev) {
    const keepPrev = RANK[prev.role] > RANK[entry.role];
    next = {
      ...(keepPrev ? prev : entry),
      title: entry.title || prev.title,
      links: { ...prev.links, ...entry.links },
      lastOpened: Math.max(prev.lastOpened, entry.lastOpened),
    };
  }
  return [next, ...list.filter((b) => b.id !== entry.id)]
    .sort((a, b) => b.lastOpened - a.lastOpened)
    .slice(0, MAX_SAVED);
}

export function loadSavedBoards(): SavedBoard[] {
  return parseSavedBoards(readLocal(STORAGE_KEYS.boards));
}

export function saveBoard(entry: SavedBoard): SavedBoard[] {
  const list = upsertSavedBoard(loadSavedBoards(), entry);
  writeLocal(STORAGE_KEYS.boards, JSON.stringify(list));
  return list;
}

export function forgetSavedBoard(id: string): SavedBoard[] {
  const list = loadSavedBoards().filter((b) => b.id !== id);
  writeLocal(STORAGE_KEYS.boards, JSON.stringify(list));
  return list;
}

export function findSavedBoard(id: string): SavedBoard | undefined {
  return loadSavedBoards().find((b) => b.id === id);
}
