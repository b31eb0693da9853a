import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/doc/schema';

/**
 * The reader's interface language as a content locale, to pick one side of a bilingual text (deck
 * cards, moment explanations). Not the board's language: that one decides what is written on the map.
 */
export function useUiLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.language?.startsWith('it') ? 'it' : 'en';
}
