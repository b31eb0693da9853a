import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { PixelRatio } from './image-limits';
import type { ExportScope } from './sheet-plan';
import type { Step } from './render-image';

/** This person's exports: the open dialog or report, the export running, and how the last one went. */
export type ImageFormat = 'png' | 'svg';

export type ExportOutcome =
  | { kind: 'image'; file: string; width: number; height: number; ratio: number; requestedRatio: number; scaled: boolean; retried: boolean; limit: number }
  /** `template`: "Save as template" (the note says what was left out). */
  | { kind: 'file'; file: string; template?: true };

export interface ExportFailure {
  /** Images get advice (lower resolution, one stage); data files just the reason. */
  kind: 'image' | 'data';
  reason: string;
}

export interface ExportState {
  dialog: ImageFormat | null;
  reportOpen: boolean;
  /** Choices of the image dialog, kept while the page is open. */
  scopeKind: ExportScope['kind'];
  stageId: string | null;
  ratio: PixelRatio;
  legend: boolean;
  busy: Step | null;
  outcome: ExportOutcome | null;
  failure: ExportFailure | null;
}

export const exportStore = createStore<ExportState>(() => ({
  dialog: null,
  reportOpen: false,
  scopeKind: 'map',
  stageId: null,
  ratio: 2,
  legend: true,
  busy: null,
  outcome: null,
  failure: null,
}));

export function useExport<T>(selector: (s: ExportState) => T): T {
  return useStore(exportStore, selector);
}

export const setExport = (patch: Partial<ExportState>) => exportStore.setState(patch);
