/**
 * The CLV inputs as the document stores them (`facilitation.clv`, docs/document-format.md) and as the
 * form checks them: one zod schema, with every refusal given as a code and a sentence in Italian and
 * English (the form shows it next to its field; a script reading the board gets the same reasons).
 * Rates are stored in percent, as typed: 60 means 60 %.
 */
import { z } from 'zod';
import type { Locale } from '../doc/schema';
import type { ClvInputs } from './clv';

export const CLV_KEY = 'clv';

/** The stored fields, in the order the form shows them. */
export const CLV_FIELDS = [
  'orderValue',
  'purchasesPerYear',
  'grossMarginPct',
  'firstYearRetentionPct',
  'retentionPct',
  'acquisitionCost',
  'referrals',
  'discountRatePct',
] as const;
export type ClvField = (typeof CLV_FIELDS)[number];

/** Upper bounds: generous for any real business, low enough that no sum overflows or loses meaning. */
export const CLV_MAX: Readonly<Record<ClvField, number>> = {
  orderValue: 1e9,
  purchasesPerYear: 10_000,
  grossMarginPct: 100,
  firstYearRetentionPct: 100,
  retentionPct: 100,
  acquisitionCost: 1e9,
  referrals: 1000,
  discountRatePct: 100,
};

export const DEFAULT_CURRENCY = 'EUR';
/** ISO 4217 codes, so every browser can format the amounts (Intl.NumberFormat). */
const CURRENCY = /^[A-Z]{3}$/;

const amount = (field: ClvField) => z.number().min(0).max(CLV_MAX[field]);

export const clvStoredSchema = z
  .strictObject({
    currency: z.string().regex(CURRENCY),
    orderValue: amount('orderValue'),
    purchasesPerYear: amount('purchasesPerYear'),
    grossMarginPct: amount('grossMarginPct'),
    firstYearRetentionPct: amount('firstYearRetentionPct'),
    retentionPct: amount('retentionPct'),
    acquisitionCost: amount('acquisitionCost'),
    referrals: amount('referrals'),
    discountRatePct: amount('discountRatePct').default(0),
  })
  .refine((x) => x.retentionPct < 100 + x.discountRatePct, {
    path: ['retentionPct'],
    params: { code: 'retention_bound' },
    // Only when both numbers are there; otherwise their own problems are reported.
    when: (p) => {
      const v = p.value as Record<string, unknown> | null;
      return !!v && typeof v.retentionPct === 'number' && typeof v.discountRatePct === 'number';
    },
  });

export type ClvStored = z.output<typeof clvStoredSchema>;

export type ClvProblemCode = 'required' | 'not_a_number' | 'negative' | 'too_large' | 'retention_bound' | 'currency' | 'invalid';

export interface ClvProblem {
  /** A stored field, `currency`, or '' for the whole value. */
  field: ClvField | 'currency' | '';
  code: ClvProblemCode;
  /** The reason in both languages, ready to show. */
  message: Record<Locale, string>;
}

export type ClvCheck = { ok: true; value: ClvStored } | { ok: false; problems: ClvProblem[] };

const fmt = (n: number, locale: Locale) => n.toLocaleString(locale === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 2 });

function reason(field: ClvProblem['field'], code: ClvProblemCode, limit?: number): ClvProblem {
  const en: Record<ClvProblemCode, string> = {
    required: 'enter a number',
    not_a_number: 'not a number (for example 80 or 0.5)',
    negative: 'cannot be negative',
    too_large: `at most ${fmt(limit ?? 0, 'en')}`,
    retention_bound:
      'must be below 100 % plus the discount rate: at or above it the customer would never leave and the value would be infinite',
    currency: 'a three-letter currency code, such as EUR, USD or GBP',
    invalid: 'not valid CLV inputs',
  };
  const it: Record<ClvProblemCode, string> = {
    required: 'inserisci un numero',
    not_a_number: 'non è un numero (per esempio 80 o 0,5)',
    negative: 'non può essere negativo',
    too_large: `al massimo ${fmt(limit ?? 0, 'it')}`,
    retention_bound:
      'deve essere sotto il 100 % più il tasso di sconto: da lì in su il cliente non se ne andrebbe mai e il valore sarebbe infinito',
    currency: 'un codice valuta di tre lettere, come EUR, USD o GBP',
    invalid: 'dati CLV non validi',
  };
  return { field, code, message: { en: en[code], it: it[code] } };
}

/** Checks a value read from the document (or built by the form); every problem at once. */
export function checkClvStored(data: unknown): ClvCheck {
  const r = clvStoredSchema.safeParse(data, { reportInput: true });
  if (r.success) return { ok: true, value: r.data };
  const problems: ClvProblem[] = [];
  for (const issue of r.error.issues as Array<z.core.$ZodIssue & { input?: unknown }>) {
    const key = issue.path[0];
    const field: ClvProblem['field'] = key === 'currency' || (CLV_FIELDS as readonly unknown[]).includes(key) ? (key as ClvProblem['field']) : '';
    if (field === 'currency') problems.push(reason(field, issue.input === undefined ? 'required' : 'currency'));
    else if (issue.code === 'invalid_type') problems.push(reason(field, issue.input === undefined ? 'required' : 'not_a_number'));
    else if (issue.code === 'too_small') problems.push(reason(field, 'negative'));
    else if (issue.code === 'too_big') problems.push(reason(field, 'too_large', Number(issue.maximum)));
    else if (issue.code === 'custom' && (issue.params as { code?: string } | undefined)?.code === 'retention_bound') problems.push(reason(field, 'retention_bound'));
    else problems.push(reason(field, 'invalid'));
  }
  return { ok: false, problems };
}

/** The stored percentages as the fractions the formulas use. */
export function clvInputsOf(s: ClvStored): ClvInputs {
  return {
    orderValue: s.orderValue,
    purchasesPerYear: s.purchasesPerYear,
    grossMargin: s.grossMarginPct / 100,
    firstYearRetention: s.firstYearRetentionPct / 100,
    retention: s.retentionPct / 100,
    acquisitionCost: s.acquisitionCost,
    referrals: s.referrals,
    discountRate: s.discountRatePct / 100,
  };
}

/**
 * A number as a person types it, in either language: `0,5` and `0.5`, `1.234,5` and `1,234.5`, spaces
 * and a trailing `%` ignored. NaN when it is not a number; undefined when the field is empty.
 */
export function parseTypedNumber(text: string): number | undefined {
  let t = text.replace(/[\s\u00a0\u202f%]/g, '');
  if (t === '') return undefined;
  const lastComma = t.lastIndexOf(',');
  const lastDot = t.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // The separator written last is the decimal one; the other groups thousands.
    t = lastComma > lastDot ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  } else if (lastComma >= 0) {
    t = t.indexOf(',') === lastComma ? t.replace(',', '.') : t.replace(/,/g, '');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return Number.NaN;
  return Number(t);
}

export type ClvFormText = Partial<Record<ClvField | 'currency', string>>;

/**
 * The form's text fields checked as a whole. An empty discount rate means 0 (the issue's default);
 * every other empty field is a problem.
 */
export function checkClvForm(form: ClvFormText): ClvCheck {
  const data: Record<string, unknown> = { currency: (form.currency ?? '').trim().toUpperCase() || undefined };
  const typed: ClvProblem[] = [];
  for (const f of CLV_FIELDS) {
    const n = parseTypedNumber(form[f] ?? '');
    if (n === undefined) data[f] = f === 'discountRatePct' ? 0 : undefined;
    else if (Number.isNaN(n)) typed.push(reason(f, 'not_a_number'));
    else data[f] = n;
  }
  const r = checkClvStored(data);
  if (r.ok && !typed.length) return r;
  // A field that is not a number reports that, not "enter a number".
  const typedFields = new Set(typed.map((p) => p.field));
  const rest = r.ok ? [] : r.problems.filter((p) => !typedFields.has(p.field));
  return { ok: false, problems: [...typed, ...rest].sort((a, b) => order(a.field) - order(b.field)) };
}

const order = (f: ClvProblem['field']) => (f === 'currency' ? -1 : f === '' ? 99 : CLV_FIELDS.indexOf(f));

/** The stored value as the form's text, in the board's language. */
export function clvFormText(s: ClvStored | null, locale: Locale): ClvFormText {
  if (!s) return { currency: DEFAULT_CURRENCY, discountRatePct: '0' };
  const out: ClvFormText = { currency: s.currency };
  for (const f of CLV_FIELDS) out[f] = locale === 'it' ? String(s[f]).replace('.', ',') : String(s[f]);
  return out;
}
