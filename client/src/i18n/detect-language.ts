export type UiLanguage = 'en' | 'it';
export const UI_LANGUAGES: readonly UiLanguage[] = ['en', 'it'];

/** A saved choice wins; otherwise Italian for any Italian browser locale, English for the rest. */
export function detectLanguage(saved: string | null, browserLanguages: readonly string[]): UiLanguage {
  if (saved === 'en' || saved === 'it') return saved;
  const first = browserLanguages.find(Boolean) ?? '';
  return first.toLowerCase().startsWith('it') ? 'it' : 'en';
}
