/**
 * Reads a deck file: size check, JSON parse, schema check. All or nothing: either a whole valid deck or
 * the first few problems, each with a code (for the UI to translate), a path and an English message.
 */
import type { z } from 'zod';
import { deckSchema, MAX_DECK_BYTES, type Deck } from './deck-schema';

export type DeckErrorCode =
  | 'not_json'
  | 'too_large'
  | 'required'
  | 'wrong_type'
  | 'empty'
  | 'too_long'
  | 'too_many_cards'
  | 'out_of_range'
  | 'invalid_format'
  | 'invalid_value'
  | 'unsupported_version'
  | 'unknown_field'
  | 'not_allowed'
  | 'duplicate_id'
  | 'invalid';

export interface DeckError {
  code: DeckErrorCode;
  /** Where the problem is, e.g. `cards[3].title.it`; '' for the file as a whole. */
  path: string;
  /** English, starting with the path: `cards[3].title.it: required`. */
  message: string;
  /** Values a translated message may need (limits, ids, allowed values). */
  params?: Record<string, string | number>;
}

export type DeckParseResult =
  | { ok: true; deck: Deck }
  /** `more` counts the problems found beyond the reported ones. */
  | { ok: false; errors: DeckError[]; more: number };

export const MAX_REPORTED_ERRORS = 5;

export function parseDeckJson(text: string, opts: { maxBytes?: number } = {}): DeckParseResult {
  const maxBytes = opts.maxBytes ?? MAX_DECK_BYTES;
  if (exceedsBytes(text, maxBytes)) {
    return fail([error('too_large', '', `the file is larger than ${formatBytes(maxBytes)}`, { maxBytes })]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return fail([error('not_json', '', `not valid JSON (${detail})`, { detail })]);
  }
  return validateDeck(data);
}

/** Checks an already-parsed value (e.g. a JSON request body) against the deck schema. */
export function validateDeck(data: unknown): DeckParseResult {
  const result = deckSchema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, deck: result.data };
  return fail(result.error.issues.flatMap(toDeckErrors));
}

function fail(all: DeckError[]): DeckParseResult {
  // Stable sort: problems of the deck itself first, then card by card, in file order.
  const sorted = [...all].sort((a, b) => cardIndexOf(a) - cardIndexOf(b));
  const errors = sorted.slice(0, MAX_REPORTED_ERRORS);
  return { ok: false, errors, more: sorted.length - errors.length };
}

function cardIndexOf(e: DeckError): number {
  const m = /^cards\[(\d+)\]/.exec(e.path);
  return m ? Number(m[1]) : -1;
}

/** `['cards', 3, 'title', 'it']` → `cards[3].title.it`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += (out ? '.' : '') + String(seg);
  }
  return out;
}

function error(code: DeckErrorCode, path: string, what: string, params?: DeckError['params']): DeckError {
  const e: DeckError = { code, path, message: path ? `${path}: ${what}` : what };
  if (params) e.params = params;
  return e;
}

type Issue = z.core.$ZodIssue & { input?: unknown };

function toDeckErrors(issue: Issue): DeckError[] {
  const path = formatPath(issue.path);
  const last = issue.path.at(-1);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return [error('required', path, 'required')];
      return [
        error('wrong_type', path, `expected ${describeExpected(issue.expected)}, got ${describeValue(issue.input)}`, {
          expected: issue.expected,
        }),
      ];
    case 'too_small':
      if (issue.origin === 'string') return [error('empty', path, 'must not be empty')];
      if (issue.origin === 'array') return [error('empty', path, 'at least one card is required')];
      return [error('out_of_range', path, `must be at least ${issue.minimum}`, { min: Number(issue.minimum) })];
    case 'too_big':
      if (issue.origin === 'string') {
        return [error('too_long', path, `longer than ${issue.maximum} characters`, { max: Number(issue.maximum) })];
      }
      if (issue.origin === 'array') {
        return [error('too_many_cards', path, `more than ${issue.maximum} cards`, { max: Number(issue.maximum) })];
      }
      return [error('out_of_range', path, `must be at most ${issue.maximum}`, { max: Number(issue.maximum) })];
    case 'invalid_format':
      return [error('invalid_format', path, formatHint(last))];
    case 'invalid_value': {
      if (path === 'formatVersion') {
        return [
          error('unsupported_version', path, `unsupported format version ${describeValue(issue.input)}; expected 1`, {
            expected: 1,
          }),
        ];
      }
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return [error('invalid_value', path, `expected one of ${allowed}, got ${describeValue(issue.input)}`, { allowed })];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const p = formatPath([...issue.path, key]);
        return error('unknown_field', p, 'unknown field (check the spelling)', { field: key });
      });
    case 'custom': {
      const { code, ...params } = (issue.params ?? {}) as { code?: DeckErrorCode } & Record<string, string | number>;
      const e = error(code ?? 'invalid', path, issue.message);
      if (Object.keys(params).length) e.params = params;
      return [e];
    }
    default:
      return [error('invalid', path, issue.message)];
  }
}

function formatHint(field: PropertyKey | undefined): string {
  switch (field) {
    case 'color':
      return 'expected a colour like "#ffd1dc"';
    case 'icon':
      return 'expected a lucide icon name like "smile" or "thumbs-up"';
    default:
      return 'use only lowercase letters a-z, digits and hyphens';
  }
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'int':
      return 'a whole number';
    case 'string':
      return 'a text';
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    default:
      return `a ${expected}`;
  }
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

/** True when the UTF-8 encoding of `text` is longer than `max` bytes; stops counting early. */
function exceedsBytes(text: string, max: number): boolean {
  if (text.length > max) return true; // every UTF-16 unit takes at least one UTF-8 byte
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > max) return true;
  }
  return false;
}

function formatBytes(n: number): string {
  return n % 1024 === 0 ? `${n / 1024} KiB` : `${n} bytes`;
}
