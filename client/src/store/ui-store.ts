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
