/** English strings of the top bar's own controls; merged under `topBar`, same keys in `i18n.it.ts`. */
export const topBarEn = {
  more: 'More actions',
  /** The "More actions" group of undo and redo (a phone's menu also has the board's History panel). */
  history: 'Undo and redo',
  /** The phone's "More actions" group of what left its top bar: Share, Insights, History. */
  board: 'This board',
};
