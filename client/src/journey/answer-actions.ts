import { setCardText } from '../../../shared/commands/cards';
import { activeBoard } from '../sync/connect-board';
import { boardStore } from '../store/board-store';
import { canChangeCard, sessionStore } from '../store/session-store';

/**
 * Writes the answer of a question card (its `answer` Y.Text) as the smallest edit. Typing is grouped
 * into one undo step per editing session, as for note text.
 */
export function editCardAnswer(id: string, text: string): void {
  const b = activeBoard();
  if (b && canChangeCard(sessionStore.getState(), boardStore.getState().cards[id]?.ownerId)) setCardText(b.doc, id, text, 'answer');
}

/** Closes an answer editing session: what was typed becomes one undo step. */
export function finishAnswer(): void {
  activeBoard()?.undo.stopCapturing();
}
