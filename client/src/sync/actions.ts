import type { Axis } from '../../../shared/doc/schema';
import { addCard, deleteCard, moveCard, setCardColor, setCardText } from '../../../shared/commands/cards';
import { addAxisItem, moveAxisItem, removeAxisItem, renameAxisItem } from '../../../shared/commands/skeleton';
import type { Point } from '../../../shared/layout';
import { boardStore } from '../store/board-store';
import { prefsStore } from '../store/prefs-store';
import { canChangeCard, canChangeSkeleton, canEditCards, sessionStore } from '../store/session-store';
import { uiStore } from '../store/ui-store';
import { activeBoard } from './connect-board';

/**
 * Everything the UI can do to the shared board. Each action writes through one shared command (so
 * with LOCAL_ORIGIN) and marks the gesture boundary for undo. Actions check the role too: hidden
 * buttons are not a permission system, but neither should a stray shortcut write what the server drops.
 */

/** The board, if this person may write cards (or change card `id`: cards-only mode, docs/roles.md). */
function cardWriter(id?: string) {
  const b = activeBoard();
  const s = sessionStore.getState();
  if (!b || !canEditCards(s)) return null;
  return id === undefined || canChangeCard(s, boardStore.getState().cards[id]?.ownerId) ? b : null;
}
function skeletonWriter() {
  const b = activeBoard();
  return b && canChangeSkeleton(sessionStore.getState()) ? b : null;
}

export function addNote(stage: string, lane: string): string | null {
  const b = cardWriter();
  if (!b) return null;
  b.undo.stopCapturing();
  const ownerId = sessionStore.getState().personId ?? undefined;
  const id = addCard(b.doc, { stage, lane, author: prefsStore.getState().name, ownerId });
  b.undo.stopCapturing();
  uiStore.setState({ selectedId: id });
  startEditing(id);
  return id;
}

export function startEditing(id: string): void {
  const b = cardWriter(id);
  if (!b) return;
  b.undo.stopCapturing();
  uiStore.setState({ editingId: id, selectedId: id });
  b.presence.setEditing(id);
}

export function editCardText(id: string, text: string): void {
  const b = cardWriter(id);
  if (b) setCardText(b.doc, id, text);
}

/** Ends an edit session: everything typed in it becomes one undo step. */
export function finishEditing(): void {
  const b = activeBoard();
  b?.undo.stopCapturing();
  b?.presence.setEditing(null);
  if (uiStore.getState().editingId) uiStore.setState({ editingId: null });
}

export function recolorCard(id: string, color: string): void {
  const b = cardWriter(id);
  if (!b) return;
  b.undo.stopCapturing();
  setCardColor(b.doc, id, color);
  b.undo.stopCapturing();
}

export function removeCard(id: string): void {
  const b = cardWriter(id);
  if (!b) return;
  b.undo.stopCapturing();
  deleteCard(b.doc, id);
  b.undo.stopCapturing();
  const ui = uiStore.getState();
  if (ui.selectedId === id || ui.editingId === id) uiStore.setState({ selectedId: null, editingId: null });
}

/** The one document write of a drag (or of "Move to…"): live positions travel as presence. */
export function placeCard(id: string, to: { stage: string; lane: string; beforeId?: string }): void {
  const b = cardWriter(id);
  if (!b) return;
  b.undo.stopCapturing();
  moveCard(b.doc, id, to);
  b.undo.stopCapturing();
}

export function publishDrag(drag: { cardId: string; at: Point } | null): void {
  activeBoard()?.presence.setDrag(drag && { cardId: drag.cardId, x: drag.at.x, y: drag.at.y });
}

export function publishCursor(p: Point | null): void {
  activeBoard()?.presence.setCursor(p);
}

export function addAxis(axis: Axis, title: string): string | null {
  const b = skeletonWriter();
  if (!b) return null;
  b.undo.stopCapturing();
  const id = addAxisItem(b.doc, axis, title);
  b.undo.stopCapturing();
  return id;
}

export function renameAxis(axis: Axis, id: string, title: string): void {
  const b = skeletonWriter();
  const current = boardStore.getState()[axis].find((i) => i.id === id);
  if (!b || !current || !title.trim() || current.title === title.trim()) return;
  b.undo.stopCapturing();
  renameAxisItem(b.doc, axis, id, title.trim());
  b.undo.stopCapturing();
}

export function removeAxis(axis: Axis, id: string): void {
  const b = skeletonWriter();
  if (!b) return;
  b.undo.stopCapturing();
  removeAxisItem(b.doc, axis, id);
  b.undo.stopCapturing();
}

/** Moves a stage or lane one step (-1 = left/up, +1 = right/down). */
export function shiftAxis(axis: Axis, id: string, step: -1 | 1): void {
  const b = skeletonWriter();
  if (!b) return;
  const items = boardStore.getState()[axis];
  const from = items.findIndex((i) => i.id === id);
  const to = from + step;
  if (from === -1 || to < 0 || to >= items.length) return;
  b.undo.stopCapturing();
  moveAxisItem(b.doc, axis, id, to);
  b.undo.stopCapturing();
}

export function undo(): void {
  const b = cardWriter();
  if (!b) return;
  finishEditing();
  b.undo.undo();
}

export function redo(): void {
  const b = cardWriter();
  if (!b) return;
  finishEditing();
  b.undo.redo();
}
