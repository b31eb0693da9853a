/** Between a stage's name and its subtitle in a template's stage title ("Purchase — cart and checkout"). */
export const SUBTITLE_SEPARATOR = ' — ';
