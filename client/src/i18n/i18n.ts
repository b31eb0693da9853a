import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readLocal, STORAGE_KEYS, writeLocal } from '../lib/storage';
import { detectLanguage, type UiLanguage } from './detect-language';
import { en } from './en';
import { it } from './it';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

const initial = detectLanguage(readLocal(STORAGE_KEYS.language), navigator.languages?.length ? navigator.languages : [navigator.language]);

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, it: { translation: it } },
  lng: initial,
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

document.documentElement.lang = initial;
i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

/** Switches this person's interface language (not the board's content language) and remembers it. */
export function setUiLanguage(lng: UiLanguage): void {
  writeLocal(STORAGE_KEYS.language, lng);
  void i18next.changeLanguage(lng);
}

export default i18next;
