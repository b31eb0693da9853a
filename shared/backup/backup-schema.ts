/**
 * Backup file format v1 (docs/backup-format.md): a whole board as plain JSON — skeleton, cards with
 * their text, imported decks, facilitator state and votes. One schema validates imports everywhere.
 */
import { z } from 'zod';
import { MAX_CARD_TEXT_LENGTH, MAX_EFFECT_PCT, MAX_TITLE_LENGTH, MIN_EFFECT_PCT } from '../doc/schema';
import { personaListSchema } from '../personas/persona-schema';

export const BACKUP_FORMAT = 'journey-studio-backup';
export const BACKUP_VERSION = 1;
/** The server's default MAX_DOC_BYTES (docs/configuration.md). */
export const DEFAULT_MAX_DOC_BYTES = 16 * 1024 * 1024;
/**
 * A backup's JSON is at most about this many times its board's stored document: strings at most
 * double in JSON (escaped quotes and newlines; the server refuses other control characters), numbers
 * spelt in decimals take up to about four times their binary size. The import accepts this much.
 */
export const BACKUP_BYTES_PER_DOC_BYTE = 4;
/** Largest backup the app accepts, in bytes: any board of a server with the default size limit. */
export const MAX_BACKUP_BYTES = BACKUP_BYTES_PER_DOC_BYTE * DEFAULT_MAX_DOC_BYTES;
export const MAX_BACKUP_CARDS = 10_000;
/** Stages, and lanes, a board may have. */
export const MAX_BACKUP_AXIS_ITEMS = 50;
/** Characters of one imported deck file. */
export const MAX_BACKUP_DECK_CHARS = 512 * 1024;

const id = z.string().min(1).max(64);
const axisItem = z.strictObject({ id, title: z.string().max(MAX_TITLE_LENGTH) });

const card = z.strictObject({
  id,
  kind: z.string().min(1).max(32),
  text: z.string().max(MAX_CARD_TEXT_LENGTH),
  stage: z.string().max(64),
  lane: z.string().max(64),
  order: z.string().min(1).max(128),
  color: z.string().max(32),
  author: z.string().max(MAX_TITLE_LENGTH),
  createdAt: z.number(),
  ownerId: z.string().max(64).optional(),
  deckCardId: z.string().max(200).optional(),
  valence: z.number().min(-2).max(2).optional(),
  moment: z.string().max(32).optional(),
  answer: z.string().max(MAX_CARD_TEXT_LENGTH).optional(),
  wasIn: z.strictObject({ stage: z.string().max(MAX_TITLE_LENGTH), lane: z.string().max(MAX_TITLE_LENGTH) }).optional(),
  effect: z.number().min(MIN_EFFECT_PCT).max(MAX_EFFECT_PCT).optional(),
  persona: id.optional(),
});

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.number(),
  board: z.strictObject({
    meta: z.strictObject({
      title: z.string().max(MAX_TITLE_LENGTH),
      locale: z.enum(['it', 'en']),
      createdAt: z.number(),
    }),
    stages: z.array(axisItem).max(MAX_BACKUP_AXIS_ITEMS),
    lanes: z.array(axisItem).max(MAX_BACKUP_AXIS_ITEMS),
    cards: z.array(card).max(MAX_BACKUP_CARDS),
    /** Imported decks as JSON text, by deck id (validated again when read, like in the document). */
    decks: z.record(z.string(), z.string().max(MAX_BACKUP_DECK_CHARS)),
    /** The `facilitation` map as plain JSON values. */
    facilitation: z.record(z.string(), z.json()),
    votes: z.record(z.string(), z.number()),
    /** The customer types (absent in backups of boards without any, and in older backups). */
    personas: personaListSchema.optional(),
  }),
});

export type Backup = z.output<typeof backupSchema>;
export type BackupCard = Backup['board']['cards'][number];
