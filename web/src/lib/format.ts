import type { Language } from './i18n';

const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

/** A date and time from the API (ISO 8601) in the UI language and the browser's time zone; '' when unreadable. */
export function formatDateTime(value: string | Date | null | undefined, language: Language): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A wait in seconds as a count and unit to word it in: seconds below two minutes, whole minutes (rounded up) above. */
export function waitParts(seconds: number): { unit: 'seconds' | 'minutes'; count: number } {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 120) return { unit: 'seconds', count: whole };
  return { unit: 'minutes', count: Math.ceil(whole / 60) };
}

/**
 * The value of an `<input type="date">` (yyyy-mm-dd, the user's local day) as the ISO instant the day
 * starts, or with `endOfDay` the instant the next day starts (for an exclusive upper bound). Undefined
 * when empty or unreadable.
 */
export function localDayToIso(value: string, endOfDay = false): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day + (endOfDay ? 1 : 0));
  if (Number.isNaN(date.getTime()) || date.getFullYear() < 1000) return undefined;
  return date.toISOString();
}

/**
 * The value of an `<input type="datetime-local">` (the user's local time) as an ISO instant, or
 * undefined when empty or unreadable.
 */
export function localDateTimeToIso(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const date = new Date(year, month - 1, day, hour, minute, second);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
