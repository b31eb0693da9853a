import type { Awareness } from 'y-protocols/awareness';
import { boardStore } from '../store/board-store';
import { uiStore } from '../store/ui-store';
import { locallyRemoved } from './actions';
import { deletedBy } from './presence-project';

/** How long to wait for the deleter's presence when the deletion itself arrived first. */
const NAME_WAIT_MS = 3000;

/**
 * Notices when the note this person is typing in disappears because someone else deleted it, and
 * keeps its last text so the notice can offer "Restore" (board/lost-note-notice.tsx). The deleter's
 * name comes from their presence (`deleted`), published just before deleting; the server may relay
 * presence a little later than the deletion, so the name can fill in a moment after the notice shows.
 */
export function watchLostEdit(awareness: Awareness): () => void {
  let stopWaiting: (() => void) | null = null;
  const states = () => awareness.getStates() as Map<number, Record<string, unknown>>;

  const waitForName = (cardId: string) => {
    stopWaiting?.();
    const onChange = () => {
      const by = deletedBy(states(), awareness.clientID, cardId);
      const lost = uiStore.getState().lostEdit;
      if (!lost || lost.card.id !== cardId) return stop();
      if (by) {
        uiStore.setState({ lostEdit: { ...lost, by } });
        stop();
      }
    };
    const timer = setTimeout(() => stop(), NAME_WAIT_MS);
    const stop = () => {
      clearTimeout(timer);
      awareness.off('change', onChange);
      if (stopWaiting === stop) stopWaiting = null;
    };
    awareness.on('change', onChange);
    stopWaiting = stop;
  };

  const unsubscribe = boardStore.subscribe((state, prev) => {
    const editing = uiStore.getState().editingId;
    if (!editing || state.cards[editing] || !prev.cards[editing]) return;
    if (locallyRemoved.delete(editing)) return;
    const by = deletedBy(states(), awareness.clientID, editing);
    uiStore.setState({ editingId: null, selectedId: null, lostEdit: { card: prev.cards[editing], by } });
    if (!by) waitForName(editing);
  });
  return () => {
    unsubscribe();
    stopWaiting?.();
  };
}
