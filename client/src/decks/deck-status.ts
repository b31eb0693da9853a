import type { TFunction } from 'i18next';
import type { Locale } from '../../../shared/doc/schema';

/**
 * A deck panel message ("Joy added to Purchase · Emotions", "Deck imported"), kept as a way to write it
 * rather than as text, so it is written again in the new language when the interface language changes.
 */
export type DeckStatus = (t: TFunction, lang: Locale) => string;
