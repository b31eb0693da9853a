import type { Awareness } from 'y-protocols/awareness';
import type { StoreApi } from 'zustand/vanilla';
import type { Point, Rect } from '../../../shared/layout';
import { throttle } from '../lib/throttle';
import type { PresenceState } from '../store/presence-store';
import { projectAwareness, type PresenceFields } from './presence-project';

/** At most 20 awareness sends a second, whatever the pointer does. */
export const PRESENCE_INTERVAL_MS = 50;

export interface LocalPresence {
  setUser(user: PresenceFields['user']): void;
  setCursor(p: Point | null): void;
  setDrag(drag: PresenceFields['drag']): void;
  setEditing(cardId: string | null): void;
  /** The board rectangle on my screen, so others can follow my view. */
  setViewport(rect: Rect | null): void;
  /** Says "I am deleting this card", sent at once so it arrives before the deletion itself. */
  announceDelete(cardId: string): void;
  /** The card I have selected, so the projector can zoom to a facilitator's selection. */
  setSelected(cardId: string | null): void;
  destroy(): void;
}

/**
 * Publishes this person's presence and projects everyone else's into `store`. Field changes are
 * buffered and sent by one throttled call; the end of a drag or an edit is sent at once so others do
 * not see a card hang in the air.
 */
export function bindPresence(awareness: Awareness, store: StoreApi<PresenceState>): LocalPresence {
  const mine: PresenceFields = { user: null, cursor: null, drag: null, editing: null, viewport: null, deleted: null, selected: null };
  const send = throttle(() => awareness.setLocalState({ ...mine }), PRESENCE_INTERVAL_MS);

  // Our own presence is not projected (only other people's is): a change of ours alone (a pointer move,
  // each pan or zoom step publishing our view) skips the projection and the store's hundreds of readers.
  const onChange = (change?: { added: number[]; updated: number[]; removed: number[] }) => {
    if (change && [...change.added, ...change.updated, ...change.removed].every((id) => id === awareness.clientID)) return;
    store.setState(projectAwareness(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID, store.getState()));
  };
  awareness.on('change', onChange);
  onChange();

  return {
    setUser(user) {
      mine.user = user;
      send();
      send.flush();
    },
    setCursor(p) {
      mine.cursor = p;
      send();
    },
    setDrag(drag) {
      mine.drag = drag;
      send();
      if (!drag) send.flush();
    },
    setEditing(cardId) {
      if (mine.editing === cardId) return;
      mine.editing = cardId;
      send();
      send.flush();
    },
    setViewport(rect) {
      const v = mine.viewport;
      if (v === rect || (v && rect && v.x === rect.x && v.y === rect.y && v.w === rect.w && v.h === rect.h)) return;
      mine.viewport = rect;
      send();
    },
    announceDelete(cardId) {
      mine.deleted = cardId;
      send();
      send.flush();
    },
    setSelected(cardId) {
      if (mine.selected === cardId) return;
      mine.selected = cardId;
      send();
    },
    destroy() {
      send.cancel();
      awareness.off('change', onChange);
      store.setState({ peers: [], cursors: {}, activity: {}, viewports: {}, selections: {} });
    },
  };
}
