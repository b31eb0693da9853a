import type { topBarEn } from './i18n.en';

/** Italian strings of the top bar's own controls; same keys as `i18n.en.ts`. */
export const topBarIt: Record<keyof typeof topBarEn, string> = {
  more: 'Altre azioni',
  history: 'Annulla e ripeti',
  board: 'Questa lavagna',
};
