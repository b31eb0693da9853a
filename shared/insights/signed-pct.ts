import type { Locale } from '../doc/schema';

/**
 * A signed percentage as the Insights panel and the idea badges write it: "+10 %", "−2,5 %" (a real
 * minus sign, read as "minus"; one decimal at most, in the language's spelling). Shared so the map's
 * badge and the exported images (shared/export/svg) write the same words.
 */
export function formatSignedPct(n: number, lang: Locale): string {
  const abs = new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 1 }).format(Math.abs(n));
  return `${n > 0 ? '+' : n < 0 ? '−' : ''}${abs} %`;
}
