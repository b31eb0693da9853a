import { ROLES, type Role } from '../../../shared/protocol';
import type { Point, Rect } from '../../../shared/layout';
import type { CardActivity, Peer, PresenceState } from '../store/presence-store';

/**
 * What this client publishes in awareness. Remote states are untrusted input: everything read back is
 * validated, and anything malformed is ignored rather than shown.
 */
export interface PresenceFields {
  user: { name: string; color: string; role?: Role } | null;
  /** Pointer in board coordinates; null when the pointer is off the canvas. */
  cursor: Point | null;
  /** A card being dragged and its top-left in board coordinates. */
  drag: { cardId: string; x: number; y: number } | null;
  editing: string | null;
  /** The board rectangle this person sees (so others can follow their view); null when unknown. */
  viewport?: Rect | null;
  /**
   * The card this person last deleted, published just before the deletion so that whoever was typing
   * in it can be told who deleted it (a Yjs deletion does not say who made it).
   */
  deleted?: string | null;
  /** The card this person has selected (the projector zooms to a facilitator's); null when none. */
  selected?: string | null;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isPoint = (v: unknown): v is Point => !!v && typeof v === 'object' && isNum((v as Point).x) && isNum((v as Point).y);
const isRect = (v: unknown): v is Rect => isPoint(v) && isNum((v as Rect).w) && isNum((v as Rect).h) && (v as Rect).w > 0 && (v as Rect).h > 0;
const sameRect = (a: Rect | undefined, b: Rect) => !!a && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
const COLOR = /^#[0-9a-fA-F]{6}$/;

export function readUser(v: unknown): Omit<Peer, 'clientId'> | null {
  if (!v || typeof v !== 'object') return null;
  const u = v as Record<string, unknown>;
  if (typeof u.name !== 'string' || !u.name.trim()) return null;
  return {
    name: u.name.trim().slice(0, 40),
    color: typeof u.color === 'string' && COLOR.test(u.color) ? u.color : '#475569',
    role: ROLES.includes(u.role as Role) ? (u.role as Role) : null,
  };
}

function samePeers(a: Peer[], b: Peer[]): boolean {
  return a.length === b.length && a.every((p, i) => p.clientId === b[i].clientId && p.name === b[i].name && p.color === b[i].color && p.role === b[i].role);
}
function sameActivity(a: CardActivity | undefined, b: CardActivity): boolean {
  return !!a && a.clientId === b.clientId && a.kind === b.kind && a.name === b.name && a.color === b.color && a.at?.x === b.at?.x && a.at?.y === b.at?.y;
}

/** Turns awareness states into presence-store data, reusing unchanged objects of `prev`. */
export function projectAwareness(states: Map<number, Record<string, unknown>>, selfId: number, prev: PresenceState): PresenceState {
  const peers: Peer[] = [];
  const cursors: Record<number, Point> = {};
  const activity: Record<string, CardActivity> = {};
  const viewports: Record<number, Rect> = {};
  const selections: Record<number, string> = {};
  for (const [clientId, state] of states) {
    if (clientId === selfId || !state) continue;
    const user = readUser(state.user);
    if (!user) continue;
    peers.push({ clientId, ...user });
    if (isPoint(state.cursor)) {
      // The same object while it has not moved: readers (remote-cursors.tsx) skip the ones that did not.
      const was = prev.cursors?.[clientId];
      cursors[clientId] = was && was.x === state.cursor.x && was.y === state.cursor.y ? was : { x: state.cursor.x, y: state.cursor.y };
    }
    if (isRect(state.viewport)) {
      const v = state.viewport;
      viewports[clientId] = sameRect(prev.viewports?.[clientId], v) ? prev.viewports[clientId] : { x: v.x, y: v.y, w: v.w, h: v.h };
    }
    if (typeof state.selected === 'string' && state.selected.length <= 100) selections[clientId] = state.selected;
    const drag = state.drag as PresenceFields['drag'];
    if (drag && typeof drag.cardId === 'string' && isNum(drag.x) && isNum(drag.y)) {
      activity[drag.cardId] = { clientId, name: user.name, color: user.color, kind: 'drag', at: { x: drag.x, y: drag.y } };
    } else if (typeof state.editing === 'string' && !activity[state.editing]) {
      activity[state.editing] = { clientId, name: user.name, color: user.color, kind: 'edit' };
    }
  }
  peers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
  for (const [id, a] of Object.entries(activity)) if (sameActivity(prev.activity[id], a)) activity[id] = prev.activity[id];
  return {
    peers: samePeers(prev.peers, peers) ? prev.peers : peers,
    cursors,
    activity,
    viewports,
    selections,
  };
}

/** The name of the person (not us) whose presence says they deleted `cardId`, if any. */
export function deletedBy(states: Map<number, Record<string, unknown>>, selfId: number, cardId: string): string | null {
  for (const [clientId, state] of states) {
    if (clientId === selfId || !state || state.deleted !== cardId) continue;
    const user = readUser(state.user);
    if (user) return user.name;
  }
  return null;
}
