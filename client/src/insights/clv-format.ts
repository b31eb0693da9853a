import type { Locale } from '../../../shared/doc/schema';

const tag = (lang: Locale) => (lang === 'it' ? 'it-IT' : 'en-GB');

/** An amount in the board's currency, two decimals: "€531.43", "531,43 €". */
export function formatMoney(n: number, currency: string, lang: Locale): string {
  try {
    return new Intl.NumberFormat(tag(lang), { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
  } catch {
    // A code Intl does not know: the number and the code, as a person would write it.
    return `${new Intl.NumberFormat(tag(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)} ${currency}`;
  }
}

/** A signed amount: "+€41.14", "−€12.00" (a real minus sign, read as "minus"). */
export function formatSignedMoney(n: number, currency: string, lang: Locale): string {
  const abs = formatMoney(Math.abs(n), currency, lang);
  return n > 0 ? `+${abs}` : n < 0 ? `−${abs}` : abs;
}

/** A signed percentage: "+10 %", "−2,5 %" (shared with the exported images). */
export { formatSignedPct } from '../../../shared/insights/signed-pct';

/** A plain number for a field, in the language's spelling: "0,5" or "0.5". */
export function formatPlain(n: number, lang: Locale): string {
  return lang === 'it' ? String(n).replace('.', ',') : String(n);
}
