/**
 * Turns the coded errors of a rejected deck file into translated lines. shared/ gives each problem a
 * stable `code`, a `path` and `params`; the English `message` there is for logs and other programs,
 * people read the translation built here.
 */
import type { DeckError } from '../../../shared/decks/validate-deck';

/** Codes of the app's own checks, beside those of shared/decks/validate-deck.ts. */
export type ImportErrorCode = DeckError['code'] | 'builtin_id' | 'read_failed';

export interface ImportError {
  code: ImportErrorCode;
  path: string;
  params?: Record<string, string | number>;
}

export interface ErrorLine {
  /** Where, as written in the file (`cards[3].title.it`), or the translated "whole file". */
  where: string;
  text: string;
}

/** Any i18next-like `t`: a key and interpolation values in, a sentence out. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

const PREFIX = 'decks.import';
const EXPECTED = new Set(['int', 'number', 'string', 'object', 'array', 'boolean']);

/** '256 KiB' for 262144; plain bytes when not a whole number of KiB. */
export function formatSize(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} B`;
}

/** The translation key of one error; some codes say more precise things depending on field or params. */
export function errorKey(e: ImportError): string {
  const field = e.path.split('.').at(-1)?.replace(/\[\d+\]$/, '');
  switch (e.code) {
    case 'out_of_range':
      return e.params?.min !== undefined ? 'out_of_range_min' : 'out_of_range_max';
    case 'invalid_format':
      return field === 'color' || field === 'icon' ? `invalid_format_${field}` : 'invalid_format_id';
    case 'not_allowed':
      return field === 'valence' || field === 'moment' ? `not_allowed_${field}` : 'not_allowed';
    default:
      return e.code;
  }
}

function paramsFor(e: ImportError, t: Translate): Record<string, string | number> {
  const p = { ...(e.params ?? {}) };
  if (e.code === 'too_large' && typeof p.maxBytes === 'number') p.size = formatSize(p.maxBytes);
  if (e.code === 'wrong_type') {
    const expected = String(p.expected ?? '');
    p.expected = t(`${PREFIX}.expected.${EXPECTED.has(expected) ? expected : 'other'}`);
  }
  if (e.code === 'duplicate_id' && typeof p.firstIndex === 'number') p.first = `cards[${p.firstIndex}]`;
  return p;
}

/** One translated line per reported problem, in the order shared/ reported them (file order). */
export function describeImportErrors(errors: readonly ImportError[], t: Translate): ErrorLine[] {
  return errors.map((e) => ({
    where: e.path || t(`${PREFIX}.wholeFile`),
    text: t(`${PREFIX}.errors.${errorKey(e)}`, paramsFor(e, t)),
  }));
}
