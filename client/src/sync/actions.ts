import type { Axis } from '../../../shared/doc/schema';
import { addCard, deleteCard, moveCard, setCardColor, setCardText } from '../../../shared/commands/cards';
import { addAxisItem, moveAxisItem, removeAxisItem, renameAxisItem } from '../../../shared/commands/skeleton';
import type { Point } from '../../../shared/layout';
import type { CardData } from '../../../shared/doc/schema';
import { boardStore } from '../store/board-store';
import { presenceStore } from '../store/presence-store';
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

/**
 * The note this person just added and has not typed in yet, with the undo step that created it. If the
 * edit ends with the note still empty (a double-click by mistake, then Escape), the note is taken away
 * again by undoing that very step, so nobody keeps an empty note and undo history shows nothing.
 */
let freshNote: { id: string; step: unknown } | null = null;

export function addNote(stage: string, lane: string): string | null {
  const b = cardWriter();
  if (!b) return null;
  b.undo.stopCapturing();
  const ownerId = sessionStore.getState().personId ?? undefined;
  const id = addCard(b.doc, { stage, lane, author: prefsStore.getState().name, ownerId });
  b.undo.stopCapturing();
  freshNote = { id, step: b.undo.undoStack.at(-1) };
  uiStore.setState({ selectedId: id });
  startEditing(id);
  return id;
}

export function startEditing(id: string): void {
  const b = cardWriter(id);
  if (!b) return;
  b.undo.stopCapturing();
  if (freshNote && freshNote.id !== id) freshNote = null;
  uiStore.setState({ editingId: id, selectedId: id });
  b.presence.setEditing(id);
}

export function editCardText(id: string, text: string): void {
  const b = cardWriter(id);
  if (b) setCardText(b.doc, id, text);
}

/** Ends an edit session: everything typed in it becomes one undo step. A new note left empty goes away. */
export function finishEditing(): void {
  const b = activeBoard();
  b?.undo.stopCapturing();
  b?.presence.setEditing(null);
  const editing = uiStore.getState().editingId;
  if (editing) uiStore.setState({ editingId: null });
  const fresh = freshNote;
  freshNote = null;
  if (!b || !fresh || fresh.id !== editing) return;
  const card = boardStore.getState().cards[fresh.id];
  if (!card || card.text.trim() !== '') return;
  locallyRemoved.add(fresh.id);
  if (b.undo.undoStack.at(-1) === fresh.step) {
    // Nothing was typed: undo the creation and forget it, as if the note had never been added.
    b.undo.undo();
    b.undo.clear(false, true);
  } else {
    // Typed, then erased: remove it as its own step.
    deleteCard(b.doc, fresh.id);
    b.undo.stopCapturing();
  }
  locallyRemoved.delete(fresh.id);
  const ui = uiStore.getState();
  if (ui.selectedId === fresh.id) uiStore.setState({ selectedId: null });
}

export function recolorCard(id: string, color: string): void {
  const b = cardWriter(id);
  if (!b) return;
  b.undo.stopCapturing();
  setCardColor(b.doc, id, color);
  b.undo.stopCapturing();
}

/** Cards this client deleted itself, so the deletion watcher does not report them as someone else's. */
export const locallyRemoved = new Set<string>();

/**
 * Deletes a card, or, when someone else is typing in it, asks first ("Sam is editing this note").
 * Their client is told who deleted it and can put the text back (sync/watch-lost-edit.ts).
 */
export function removeCard(id: string): void {
  if (!cardWriter(id)) return;
  const editor = presenceStore.getState().activity[id];
  if (editor?.kind === 'edit') {
    uiStore.setState({ dialog: { kind: 'confirm-delete', cardId: id, editor: editor.name } });
    return;
  }
  removeCardNow(id);
}

/** Deletes a card without asking (after the confirmation, or when nobody else is editing it). */
export function removeCardNow(id: string): void {
  const b = cardWriter(id);
  if (!b) return;
  b.presence.announceDelete(id);
  locallyRemoved.add(id);
  b.undo.stopCapturing();
  deleteCard(b.doc, id);
  // The store is patched synchronously inside the transaction: the watcher has seen the mark by now.
  locallyRemoved.delete(id);
  b.undo.stopCapturing();
  const ui = uiStore.getState();
  if (ui.selectedId === id || ui.editingId === id) uiStore.setState({ selectedId: null, editingId: null });
}

/** Puts back a note someone deleted while this person was typing in it: same place, kind and text. */
export function restoreCard(card: CardData): string | null {
  const b = cardWriter();
  if (!b) return null;
  const s = boardStore.getState();
  const stage = s.stages.some((x) => x.id === card.stage) ? card.stage : s.stages[0]?.id;
  const lane = s.lanes.some((x) => x.id === card.lane) ? card.lane : s.lanes[0]?.id;
  if (!stage || !lane) return null;
  b.undo.stopCapturing();
  const id = addCard(b.doc, {
    stage,
    lane,
    text: card.text,
    kind: card.kind,
    color: card.color,
    author: card.author || prefsStore.getState().name,
    ownerId: sessionStore.getState().personId ?? undefined,
    extra: {
      ...(card.deckCardId !== undefined && { deckCardId: card.deckCardId }),
      ...(card.valence !== undefined && { valence: card.valence }),
      ...(card.moment !== undefined && { moment: card.moment }),
      ...(card.answer !== undefined && { answer: card.answer }),
    },
  });
  b.undo.stopCapturing();
  uiStore.setState({ selectedId: id });
  return id;
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

/** Cards in a stage or lane. */
export function cardsInAxis(axis: Axis, id: string): number {
  const field = axis === 'stages' ? 'stage' : 'lane';
  return Object.values(boardStore.getState().cards).filter((c) => c[field] === id).length;
}

/** Removes a stage or lane; when it still holds cards, asks first (they are kept, unplaced). */
export function removeAxis(axis: Axis, id: string): void {
  if (!skeletonWriter()) return;
  if (cardsInAxis(axis, id) > 0) {
    uiStore.setState({ dialog: { kind: 'confirm-remove-axis', axis, id } });
    return;
  }
  removeAxisNow(axis, id);
}

export function removeAxisNow(axis: Axis, id: string): void {
  const b = skeletonWriter();
  if (!b) return;
  b.undo.stopCapturing();
  const s = sessionStore.getState();
  removeAxisItem(b.doc, axis, id, (ownerId) => canChangeCard(s, ownerId));
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
