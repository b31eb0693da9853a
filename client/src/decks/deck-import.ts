/**
 * Checks a deck file before it goes into the board: the shared validation (size, JSON, schema) plus
 * the app's own rule that built-in deck ids are taken. All or nothing: a deck is imported whole or not
 * at all, so a half-valid file can never leave half a deck on everyone's panel.
 */
import { MAX_DECK_BYTES, type Deck } from '../../../shared/decks/deck-schema';
import { parseDeckJson } from '../../../shared/decks/validate-deck';
import { BUILTIN_DECK_IDS } from './board-decks-store';
import type { ImportError } from './deck-errors';

export type DeckCheck = { ok: true; deck: Deck } | { ok: false; errors: ImportError[]; more: number };

export function checkDeckText(text: string): DeckCheck {
  const parsed = parseDeckJson(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, more: parsed.more };
  if (BUILTIN_DECK_IDS.has(parsed.deck.id)) {
    return { ok: false, errors: [{ code: 'builtin_id', path: 'id', params: { id: parsed.deck.id } }], more: 0 };
  }
  return parsed;
}

/** Reads and checks a file; a file over the limit is refused by its size, without reading it. */
export async function checkDeckFile(file: Pick<File, 'size' | 'text'>): Promise<DeckCheck> {
  if (file.size > MAX_DECK_BYTES) {
    return { ok: false, errors: [{ code: 'too_large', path: '', params: { maxBytes: MAX_DECK_BYTES } }], more: 0 };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, errors: [{ code: 'read_failed', path: '' }], more: 0 };
  }
  return checkDeckText(text);
}

/** The deck as a file people can edit and import again: the documented format, indented. */
export function deckFileText(deck: Deck): string {
  return `${JSON.stringify(deck, null, 2)}\n`;
}

export const deckFileName = (deck: Pick<Deck, 'id'>) => `${deck.id}.deck.json`;
