import i18next, { type i18n } from 'i18next';
import type { Locale } from '../../../shared/doc/schema';

const byLocale = new Map<Locale, i18n>();

/**
 * A translator fixed to the board's language, for what leaves the app (images, the report): a map in
 * Italian gets an Italian legend and date whatever the reader's interface language. It shares the
 * app's resources; changing its language never touches the interface's.
 */
export function boardI18n(locale: Locale): i18n {
  let inst = byLocale.get(locale);
  if (!inst) {
    inst = i18next.cloneInstance({ lng: locale });
    byLocale.set(locale, inst);
  }
  return inst;
}

/** "23 November 2026" / "23 novembre 2026". */
export function longDate(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date);
}
