import type { Language } from '../../lib/i18n';

/** A share (0.42) as a whole percentage in the language's way of writing it: "42 %" (sv), "42%" (en). */
export function formatPercent(share: number, language: Language): string {
  return new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
