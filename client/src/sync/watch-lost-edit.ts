import type { Awareness } from 'y-protocols/awareness';
import { boardStore } from '../store/board-store';
import { uiStore } from '../store/ui-store';
import { locallyRemoved } from './actions';
import { deletedBy } from './presence-project';

/**
 * Notices when the note this person is typing in disappears because someone else deleted it, and
 * keeps its last text so the notice can offer "Restore" (board/lost-note-notice.tsx). The deleter's
 * name comes from their presence (`deleted`), which they publish just before deleting.
 */
export function watchLostEdit(awareness: Awareness): () => void {
  return boardStore.subscribe((state, prev) => {
    const editing = uiStore.getState().editingId;
    if (!editing || state.cards[editing] || !prev.cards[editing]) return;
    if (locallyRemoved.delete(editing)) return;
    const by = deletedBy(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID, editing);
    uiStore.setState({ editingId: null, selectedId: null, lostEdit: { card: prev.cards[editing], by } });
  });
}
