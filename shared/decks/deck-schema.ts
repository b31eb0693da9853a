/**
 * Deck file format v1: the one schema for a card deck, used by the client (import), the server and the
 * tests. A deck is plain JSON data (see docs/decks.md); the built-in decks are typed with it too.
 */
import { z } from 'zod';
import { MAX_TITLE_LENGTH } from '../doc/schema';

export const DECK_FORMAT_VERSION = 1;
/** Largest deck file accepted, in UTF-8 bytes. */
export const MAX_DECK_BYTES = 256 * 1024;
export const MAX_DECK_CARDS = 500;
export const MAX_DECK_ID_LENGTH = 64;
export const MAX_DECK_TITLE_LENGTH = MAX_TITLE_LENGTH;
export const MAX_DECK_TEXT_LENGTH = 1000;
export const VALENCE_MIN = -2;
export const VALENCE_MAX = 2;

export const DECK_CARD_KINDS = ['moment', 'emotion', 'activity', 'goal', 'channel', 'question', 'note', 'stage'] as const;
export type DeckCardKind = (typeof DECK_CARD_KINDS)[number];

/** The three key moments: Trigger moment, Moment of Truth, Medal moment. */
export const MOMENT_IDS = ['trigger', 'truth', 'medal'] as const;
export type MomentId = (typeof MOMENT_IDS)[number];

const ID = /^[a-z0-9-]+$/;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
/** Lucide icon names are kebab-case: 'zap', 'circle-help', 'thumbs-up'. */
const ICON_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Our own error code travels in `params.code` of custom issues (see validate-deck.ts). */
const rule = (code: string, message: string) => ({ message, params: { code } });

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const idSchema = z.string().max(MAX_DECK_ID_LENGTH).regex(ID);

/** A text in both languages: both required, non-empty after trimming. */
const localized = (max: number) =>
  z.strictObject({
    it: z.string().trim().min(1).max(max),
    en: z.string().trim().min(1).max(max),
  });

export const localizedTextSchema = localized(MAX_DECK_TEXT_LENGTH);

export const deckCardSchema = z
  .strictObject({
    id: idSchema,
    kind: z.enum(DECK_CARD_KINDS),
    title: localized(MAX_DECK_TITLE_LENGTH),
    text: localized(MAX_DECK_TEXT_LENGTH).optional(),
    color: z.string().regex(HEX_COLOR).optional(),
    icon: z.string().max(MAX_DECK_ID_LENGTH).regex(ICON_NAME).optional(),
    valence: z.int().min(VALENCE_MIN).max(VALENCE_MAX).optional(),
    moment: z.enum(MOMENT_IDS).optional(),
    /** Suggested stage id (e.g. 'purchase'); the card lands there when dropped without a target. */
    stage: z.string().min(1).max(MAX_DECK_ID_LENGTH).optional(),
    /** Suggested lane id (e.g. 'emotions'). */
    lane: z.string().min(1).max(MAX_DECK_ID_LENGTH).optional(),
  })
  // Kind rules run even when other fields of the card are wrong, so every problem is reported at once.
  .refine((c) => c.kind !== 'emotion' || c.valence !== undefined, {
    path: ['valence'],
    ...rule('required', 'required for an emotion card (an integer from -2 to +2)'),
    when: (p) => isRecord(p.value),
  })
  .refine((c) => c.kind === 'emotion' || c.valence === undefined, {
    path: ['valence'],
    ...rule('not_allowed', 'only emotion cards have a valence'),
    when: (p) => isRecord(p.value) && typeof p.value.kind === 'string',
  })
  .refine((c) => c.kind !== 'moment' || c.moment !== undefined, {
    path: ['moment'],
    ...rule('required', "required for a moment card ('trigger', 'truth' or 'medal')"),
    when: (p) => isRecord(p.value),
  })
  .refine((c) => c.kind === 'moment' || c.moment === undefined, {
    path: ['moment'],
    ...rule('not_allowed', 'only moment cards have a moment'),
    when: (p) => isRecord(p.value) && typeof p.value.kind === 'string',
  });

export const deckSchema = z
  .strictObject({
    formatVersion: z.literal(DECK_FORMAT_VERSION),
    id: idSchema,
    title: localized(MAX_DECK_TITLE_LENGTH),
    description: localized(MAX_DECK_TEXT_LENGTH).optional(),
    cards: z.array(deckCardSchema).min(1).max(MAX_DECK_CARDS),
  })
  .superRefine((deck, ctx) => {
    // Runs on the raw input too (see `when`), so duplicates show up next to other problems.
    const cards: unknown[] = Array.isArray(deck.cards) ? deck.cards : [];
    const firstIndex = new Map<string, number>();
    cards.forEach((c, i) => {
      const id = isRecord(c) ? c.id : undefined;
      if (typeof id !== 'string') return;
      const first = firstIndex.get(id);
      if (first === undefined) firstIndex.set(id, i);
      else
        ctx.addIssue({
          code: 'custom',
          path: ['cards', i, 'id'],
          message: `duplicate card id "${id}" (already used by cards[${first}])`,
          params: { code: 'duplicate_id', id, firstIndex: first },
        });
    });
  }, { when: (p) => isRecord(p.value) });

export type LocalizedText = z.output<typeof localizedTextSchema>;
export type DeckCard = z.output<typeof deckCardSchema>;
export type Deck = z.output<typeof deckSchema>;
