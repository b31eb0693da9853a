/**
 * File names of exports: `<board-title>-<yyyy-mm-dd>.<ext>`, e.g. `panificio-rossi-2026-11-23.png`.
 * Lower case, accents dropped (è → e), anything a file system may refuse replaced by '-'.
 */
const FALLBACK = 'journey-map';
const MAX_SLUG = 80;

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, MAX_SLUG).replace(/-+$/, '');
}

/** The local calendar date as yyyy-mm-dd (the day the person sees on their clock). */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** `part` narrows it down: a stage's title, or "selection". */
export function exportFileName(title: string, date: Date, ext: string, part?: string): string {
  const name = [slugify(title) || FALLBACK, part ? slugify(part) : '', isoDate(date)].filter(Boolean).join('-');
  return `${name}.${ext}`;
}
