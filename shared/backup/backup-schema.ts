/**
 * Backup file format v1 (docs/backup-format.md): a whole board as plain JSON — skeleton, cards with
 * their text, imported decks, facilitator state and votes. One schema validates imports everywhere.
 */
import { z } from 'zod';
import { MAX_CARD_TEXT_LENGTH, MAX_TITLE_LENGTH } from '../doc/schema';

export const BACKUP_FORMAT = 'journey-studio-backup';
export const BACKUP_VERSION = 1;
/** Largest backup accepted, in bytes (a 1,000-card board is well under 1 MiB). */
export const MAX_BACKUP_BYTES = 8 * 1024 * 1024;
export const MAX_BACKUP_CARDS = 10_000;

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
    stages: z.array(axisItem).max(50),
    lanes: z.array(axisItem).max(50),
    cards: z.array(card).max(MAX_BACKUP_CARDS),
    /** Imported decks as JSON text, by deck id (validated again when read, like in the document). */
    decks: z.record(z.string(), z.string().max(512 * 1024)),
    /** The `facilitation` map as plain JSON values. */
    facilitation: z.record(z.string(), z.json()),
    votes: z.record(z.string(), z.number()),
  }),
});

export type Backup = z.output<typeof backupSchema>;
export type BackupCard = Backup['board']['cards'][number];
