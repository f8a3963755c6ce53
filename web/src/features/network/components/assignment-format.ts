import type { Language } from '../../../lib/i18n';

/** A day (`yyyy-MM-dd`) as the language writes it, e.g. "15 jan. 2024" / "15 Jan 2024". */
export function formatDay(day: string, language: Language): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}

/** Today's date in Sweden as `yyyy-MM-dd` (the API's "today" for an assignment's start). */
export function swedishToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
