import type { Language } from './i18n';

/**
 * Instants (UTC, as the API keeps them) entered and shown as wall-clock time in an IANA time zone: an event's start
 * and end in the event's zone, a campaign's scheduled send in the viewer's.
 */

/** The time zone a new event or schedule starts with. */
export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

export const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

/** Whether the browser knows this IANA time zone id. */
export function isTimeZone(zone: string): boolean {
  if (!zone.trim()) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The IANA time zones to choose from, sorted, with UTC and the default among them. */
export function timeZoneOptions(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, 'UTC', DEFAULT_TIME_ZONE])].sort((a, b) => a.localeCompare(b));
}

/** The wall-clock parts of an instant in a zone. */
function wallParts(instant: number, zone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, zone: string): number {
  const p = wallParts(instant, zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The value of an `<input type="datetime-local">` (`2026-03-10T18:00`) read as wall-clock time in `zone`, as an
 * ISO instant; undefined when empty, unreadable or the zone is unknown. A time the clocks skip (the spring change)
 * is read as the instant an hour later's clock shows.
 */
export function zonedLocalToIso(local: string, zone: string): string | undefined {
  const match = LOCAL.exec(local.trim());
  if (!match || !isTimeZone(zone)) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(wall)) return undefined;
  // Twice: the offset at the first guess may differ from the offset at the answer (near a change of the clocks).
  const first = wall - offsetAt(wall, zone);
  const instant = wall - offsetAt(first, zone);
  return new Date(instant).toISOString();
}

/** An ISO instant as the `datetime-local` value of its wall-clock time in `zone`; '' when unreadable. */
export function isoToZonedLocal(iso: string | null | undefined, zone: string): string {
  if (!iso) return '';
  const instant = new Date(iso).getTime();
  if (Number.isNaN(instant) || !isTimeZone(zone)) return '';
  const p = wallParts(instant, zone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** The viewer's time zone as the browser knows it (an IANA id; UTC when it cannot tell). */
export function viewerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Whether two zones show the same wall-clock time at this instant (then one of them is enough). */
export function sameClock(iso: string, zone: string, other: string): boolean {
  return isoToZonedLocal(iso, zone) === isoToZonedLocal(iso, other);
}

/** A day (yyyy-mm-dd, no time of day) in the UI language, e.g. "14 maj 2030"; '' when unreadable. */
export function formatDay(day: string | null | undefined, language: Language): string {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return '';
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Date and time with the weekday: "Thu, 3 Dec 2026, 18:00". */
export const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};

function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/**
 * An instant in a zone (UTC when the browser does not know it): "Thu, 3 Dec 2026, 18:00"; with `zoneName`, the zone's
 * short name after it ("… 18:00 CET"), where two zones are shown side by side. '' when unreadable.
 */
export function formatInZone(
  value: string | Date | null | undefined,
  timeZone: string,
  language: Language,
  { zoneName = false }: { zoneName?: boolean } = {},
): string {
  if (!value) return '';
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  return new Intl.DateTimeFormat(LOCALES[language], { ...DATE_TIME, timeZone: zone, ...(zoneName ? { timeZoneName: 'short' } : {}) }).format(date);
}

/** A day in a zone, without the time: "Fri, 3 Dec 2027" / "fre 3 dec. 2027". */
export function formatDayInZone(value: string | Date | null | undefined, timeZone: string, language: Language): string {
  if (!value) return '';
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  return new Intl.DateTimeFormat(LOCALES[language], { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: zone }).format(date);
}
