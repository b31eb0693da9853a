/**
 * Board history (issue 15): the checkpoints ("versions") the server keeps of a board, as the HTTP API
 * sends them (docs/api.md, "Board history"). Client and server both use these names.
 */
import type { CreateBoardResponse } from '../protocol';

/**
 * Why a checkpoint was taken:
 *   `auto`    after 10 minutes of activity on the board
 *   `agenda`  when the facilitator moved the agenda to another step (label: the new step's title)
 *   `revert`  the board's state just before a revert (so reverting to it undoes the revert)
 *   `named`   taken by a facilitator, with their label ("Before voting")
 * Everything but `named` is automatic and thinned (docs/architecture.md, "Board history").
 */
export const VERSION_KINDS = ['auto', 'agenda', 'revert', 'named'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/** Cards in one stage of the checkpoint, in the board's stage order. */
export interface StageCount {
  /** The stage's id (stable across checkpoints while the stage exists). */
  stage: string;
  /** The stage's title at the time of the checkpoint. */
  title: string;
  cards: number;
}

/** What the map held at the checkpoint, for the list (shared/history/version-summary.ts). */
export interface VersionSummary {
  /** All cards, placed or not. */
  cards: number;
  cardsPerStage: StageCount[];
  /** Cards whose stage or lane no longer exists (the "Not placed" strip). */
  unplaced: number;
  /** Key-moment cards (trigger, truth, medal) placed on a stage. */
  moments: number;
  /** Dots given in the current dot vote (0 when there is none). */
  votes: number;
}

/** One checkpoint as listed: `GET /api/boards/:id/versions` answers these, newest first. */
export interface VersionEntry {
  /** Opaque, URL-safe; sorts like `at` (versionId() in version-id.ts). */
  id: string;
  /** When it was taken, ms since epoch on the server's clock. */
  at: number;
  /** The name the facilitator gave for a named checkpoint; null when taken automatically. */
  by: string | null;
  kind: VersionKind;
  /** The facilitator's label (`named`), the new step's title (`agenda`), '' otherwise. */
  label: string;
  /** For `revert`: the checkpoint the board was then reverted to. */
  revertedTo?: string;
  summary: VersionSummary;
}

/** Limits the server enforces (and the client can show before sending). */
export const MAX_VERSION_LABEL = 120;
export const MAX_VERSION_BY = 60;
/** Named checkpoints a board may keep; the next one is refused (409 too_many_versions). */
export const MAX_NAMED_VERSIONS = 200;
/** Activity after which the server takes an automatic checkpoint. */
export const AUTO_CHECKPOINT_MS = 10 * 60 * 1000;

/** `GET /api/boards/:id/versions` → 200. */
export interface VersionListResponse {
  versions: VersionEntry[];
}

/** `POST /api/boards/:id/versions` body (facilitator). */
export interface CreateVersionBody {
  label: string;
  /** Who takes it, as shown in the list (the facilitator's display name); optional. */
  by?: string;
}
/** `POST /api/boards/:id/versions` → 201. */
export interface CreateVersionResponse {
  id: string;
  at: number;
}

/** `POST /api/boards/:id/versions/:vid/restore` body. */
export type RestoreVersionBody =
  /** Anyone who can read the board: a new board with the checkpoint's content and fresh links. */
  | { mode: 'new-board'; title?: string }
  /** Facilitators: the live board goes back to the checkpoint, everyone sees it change. */
  | { mode: 'revert'; by?: string };

/** `restore` with `new-board` → 201, like `POST /api/boards`. */
export type RestoreNewBoardResponse = CreateBoardResponse;

/** `restore` with `revert` → 200. */
export interface RevertResponse {
  /** The checkpoint of the state before the revert (kind `revert`): restore it to undo the revert. */
  before: CreateVersionResponse;
}

/** When a checkpoint was taken, read from its id (versionId in version-id.ts). */
export const versionTime = (id: string): number => parseInt(id.slice(0, 9), 36);

/** A version id as the API accepts it; anything else is 404 before touching the store. */
export const isVersionId = (id: string): boolean => /^[0-9a-z]{9}[A-Za-z0-9_-]{6,16}$/.test(id);
