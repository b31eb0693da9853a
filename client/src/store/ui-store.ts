import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Camera } from '../../../shared/layout';
import type { Axis, CardData } from '../../../shared/doc/schema';

/** This person's view and tools: never shared, never in the document. */
export interface UiState {
  camera: Camera;
  viewport: { w: number; h: number };
  /** Whether the first "fit the journey" has happened for this board. */
  cameraReady: boolean;
  /** The camera shows the whole journey (first view or "Fit"): it fits again when the map's room changes. */
  fitted: boolean;
  selectedId: string | null;
  editingId: string | null;
  /** Card being dragged by this person, and the cell it would land in. */
  draggingId: string | null;
  dropCell: { stage: string; lane: string } | null;
  renaming: { axis: Axis; id: string } | null;
  /** Last cell pressed or focused: on touch screens its "+" button stays visible. */
  activeCell: { stage: string; lane: string } | null;
  dialog:
    | null
    | { kind: 'share' }
    | { kind: 'name' }
    | { kind: 'move'; cardId: string }
    /** "Sam is editing this note": deleting it asks first. */
    | { kind: 'confirm-delete'; cardId: string; editor: string }
    /** Removing a stage or lane that still holds cards asks first, saying how many. */
    | { kind: 'confirm-remove-axis'; axis: Axis; id: string };
  /** The note I was typing in, deleted by someone else (`by`, when their presence said so): I may restore it. */
  lostEdit: { card: CardData; by: string | null } | null;
}

export function initialUi(): UiState {
  return {
    camera: { x: 0, y: 0, zoom: 1 },
    viewport: { w: 0, h: 0 },
    cameraReady: false,
    fitted: false,
    selectedId: null,
    editingId: null,
    draggingId: null,
    dropCell: null,
    renaming: null,
    activeCell: null,
    dialog: null,
    lostEdit: null,
  };
}

export const uiStore = createStore<UiState>(() => initialUi());

export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(uiStore, selector);
}

export const setUi = (patch: Partial<UiState>) => uiStore.setState(patch);
export const openDialog = (dialog: UiState['dialog']) => uiStore.setState({ dialog });
export const closeDialog = () => uiStore.setState({ dialog: null });

/** What notes, cells and headers read of this store: who is selected, edited, dragged, renamed. */
export type UiFocus = Pick<UiState, 'selectedId' | 'editingId' | 'draggingId' | 'dropCell' | 'activeCell' | 'renaming'>;
const focusOf = (s: UiState): UiFocus => ({
  selectedId: s.selectedId,
  editingId: s.editingId,
  draggingId: s.draggingId,
  dropCell: s.dropCell,
  activeCell: s.activeCell,
  renaming: s.renaming,
});

/**
 * A copy of UiFocus in a store of its own, written only when one of those fields changes. Every note,
 * cell and header on the map subscribes to it: on the whole store, each pan or zoom step (a camera
 * change) ran their selectors, a few thousand with 1,000 notes in view.
 */
export const focusStore = createStore<UiFocus>(() => focusOf(uiStore.getState()));
uiStore.subscribe((s) => {
  const f = focusStore.getState();
  if (s.selectedId !== f.selectedId || s.editingId !== f.editingId || s.draggingId !== f.draggingId || s.dropCell !== f.dropCell || s.activeCell !== f.activeCell || s.renaming !== f.renaming) {
    focusStore.setState(focusOf(s), true);
  }
});

export function useUiFocus<T>(selector: (s: UiFocus) => T): T {
  return useStore(focusStore, selector);
}
