import type { Language } from '../../../lib/i18n';

const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

/** A calendar day from the API (`2026-03-14`) in the UI language; the text itself when unreadable. */
export function formatDay(value: string | null | undefined, language: Language): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))),
  );
}

/** A share 0–1 as a whole percentage in the UI language (`67 %`); '–' when there is none. */
export function formatShare(share: number | null | undefined, language: Language): string {
  if (share === null || share === undefined) return '–';
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
