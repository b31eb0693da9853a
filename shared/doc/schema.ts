/**
 * Document format v1: the names and shapes of a board's Y.Doc.
 * This is a public API (see docs/document-format.md): other programs read and write boards with it,
 * so a change here is a format change.
 */
export const SCHEMA_VERSION = 1;

export const ROOT = {
  meta: 'meta',
  stages: 'stages',
  lanes: 'lanes',
  cards: 'cards',
  facilitation: 'facilitation',
  /** Customer types (personas), keyed by persona id: shared/personas/persona-schema.ts. */
  personas: 'personas',
} as const;
export type RootName = (typeof ROOT)[keyof typeof ROOT];

export type Locale = 'it' | 'en';
export const LOCALES: readonly Locale[] = ['it', 'en'];

export interface BoardMeta {
  schemaVersion: number;
  title: string;
  locale: Locale;
  createdAt: number;
}

/** A stage column or a lane row: both are `{ id, title }` maps in a Y.Array. */
export interface AxisItem {
  id: string;
  title: string;
}
export type Axis = 'stages' | 'lanes';

/** A card as the app reads it: plain data projected out of the card's Y.Map. */
export interface CardData {
  id: string;
  kind: string;
  text: string;
  stage: string;
  lane: string;
  order: string;
  color: string;
  author: string;
  createdAt: number;
  /** Person id of the creator (see shared/identity.ts); decides "own cards" in cards-only mode. */
  ownerId?: string;
  deckCardId?: string;
  valence?: number;
  moment?: string;
  answer?: string;
  /** Titles of the stage and lane the card was in when one of them was removed ("Was in: …"). */
  wasIn?: { stage: string; lane: string };
  /**
   * Ideas: the expected effect on the lever of the card's stage, in percent of the lever's input
   * (+5 on a Use idea: first-year retention 5 % higher than today). See shared/insights/clv.ts.
   */
  effect?: number;
  /**
   * Id of the persona (customer type) the card is about; absent for a card about every persona.
   * An id naming no persona of the board reads as absent (shared/personas/read-personas.ts).
   */
  persona?: string;
}

/** Bounds of a card's `effect`, in percent: an input can drop to zero, or grow elevenfold. */
export const MIN_EFFECT_PCT = -100;
export const MAX_EFFECT_PCT = 1000;

/**
 * Facilitator state that the server enforces (root `facilitation`, written only by facilitators).
 * Missing keys take the defaults below, so a board created before a key existed behaves as before.
 */
export interface FacilitationLocks {
  /** Only facilitators change stages and lanes. */
  skeletonLocked: boolean;
  /** Participants change nothing. */
  boardLocked: boolean;
  /** Participants may add cards and change or delete only their own. */
  cardsOnly: boolean;
}
export const DEFAULT_LOCKS: FacilitationLocks = { skeletonLocked: true, boardLocked: false, cardsOnly: false };

export const DEFAULT_STAGES: ReadonlyArray<{ id: string; title: Record<Locale, string> }> = [
  { id: 'awareness', title: { en: 'Awareness', it: 'Consapevolezza' } },
  { id: 'consideration', title: { en: 'Consideration', it: 'Considerazione' } },
  { id: 'purchase', title: { en: 'Purchase', it: 'Acquisto' } },
  { id: 'use', title: { en: 'Use', it: 'Utilizzo' } },
  { id: 'retention', title: { en: 'Retention', it: 'Fidelizzazione' } },
  { id: 'advocacy', title: { en: 'Advocacy', it: 'Passaparola' } },
];

export const DEFAULT_LANES: ReadonlyArray<{ id: string; title: Record<Locale, string> }> = [
  { id: 'activities', title: { en: 'Activities', it: 'Attività' } },
  { id: 'goals', title: { en: 'Goals', it: 'Obiettivi' } },
  { id: 'emotions', title: { en: 'Emotions', it: 'Emozioni' } },
  { id: 'channels', title: { en: 'Channels and touchpoints', it: 'Canali e punti di contatto' } },
  { id: 'ideas', title: { en: 'Ideas', it: 'Idee' } },
];

/** Card colours offered by the app. The format accepts any `#rrggbb`. */
export const CARD_COLORS = ['#fff3a3', '#ffd1dc', '#c9e4ff', '#c8f2d0', '#ffd9a8', '#e3d4ff', '#e8e8e8'] as const;
export const DEFAULT_CARD_COLOR = CARD_COLORS[0];

export const MAX_TITLE_LENGTH = 120;
export const MAX_CARD_TEXT_LENGTH = 4000;
