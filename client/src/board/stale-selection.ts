import type { CardData } from '../../../shared/doc/schema';
import { finishEditing } from '../sync/actions';
import { uiStore } from '../store/ui-store';

/**
 * A note can vanish under this person (someone deletes it, an undo removes it). Its editor then
 * unmounts without a blur, so selection and editing state are cleared here, or Delete and the
 * "is editing" presence would stay stuck on a note that no longer exists.
 */
export function dropStaleSelection(cards: Readonly<Record<string, CardData>>): void {
  const ui = uiStore.getState();
  if (ui.editingId && !cards[ui.editingId]) finishEditing();
  if (ui.selectedId && !cards[ui.selectedId]) uiStore.setState({ selectedId: null });
  if (ui.dialog?.kind === 'move' && !cards[ui.dialog.cardId]) uiStore.setState({ dialog: null });
}
