/** English strings of the top bar's own controls; merged under `topBar`, same keys in `i18n.it.ts`. */
export const topBarEn = {
  more: 'More actions',
  history: 'History',
};
