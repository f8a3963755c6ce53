import type { Language } from '../../lib/i18n';
import { DATE_TIME, LOCALES, isTimeZone, viewerTimeZone } from '../../lib/zoned-time';

/**
 * An event's date and time: in the event's own time zone (an IANA id the API keeps with it), and in
 * the viewer's where that reads differently (a member in Bogotá looking at a reunion in Stockholm).
 * Shared by the alumni and the staff pages.
 */

/** The start and end of an event, as one range, in one time zone. */
export interface ZonedTime {
  /** "Thu, 3 Dec 2026, 18:00–20:30" (the date once when both are on one day). */
  text: string;
  /** The zone as people name it: "Central European Time", "centraleuropeisk tid"; the IANA id when the browser has no name. */
  zoneName: string;
  /** The IANA id. */
  timeZone: string;
  /** The start as a machine-readable instant, for `<time dateTime>`. */
  dateTime: string;
}

export interface EventTimes {
  /** In the event's zone. */
  event: ZonedTime;
  /** In the viewer's zone, when it reads differently from the event's; null otherwise. */
  viewer: ZonedTime | null;
}

export interface EventTimeFields {
  startsAt: string | Date;
  endsAt: string | Date;
  timeZone: string;
}

function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

function zoneName(date: Date, timeZone: string, language: Language): string {
  try {
    const parts = new Intl.DateTimeFormat(LOCALES[language], { timeZone, timeZoneName: 'longGeneric' }).formatToParts(date);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** A start and end in a time zone (UTC when the browser does not know the zone). */
export function zonedTime(startsAt: string | Date, endsAt: string | Date, timeZone: string, language: Language): ZonedTime {
  const start = toDate(startsAt);
  const end = toDate(endsAt);
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  const format = new Intl.DateTimeFormat(LOCALES[language], { ...DATE_TIME, timeZone: zone });
  const valid = !Number.isNaN(start.getTime());
  const text = !valid
    ? ''
    : Number.isNaN(end.getTime()) || end.getTime() < start.getTime()
      ? format.format(start)
      : format.formatRange(start, end);
  return {
    text,
    zoneName: zone === timeZone ? zoneName(start, timeZone, language) : timeZone,
    timeZone,
    dateTime: valid ? start.toISOString() : '',
  };
}

/**
 * An event's time in its own zone and, when it reads differently there, in the viewer's zone
 * (`viewerZone`, the browser's unless told).
 */
export function eventTimes(event: EventTimeFields, language: Language, viewerZone: string = viewerTimeZone()): EventTimes {
  const own = zonedTime(event.startsAt, event.endsAt, event.timeZone, language);
  if (viewerZone === event.timeZone) return { event: own, viewer: null };
  const viewer = zonedTime(event.startsAt, event.endsAt, viewerZone, language);
  return { event: own, viewer: viewer.text === own.text ? null : viewer };
}

/** The day an event starts on, in its own zone, for a date badge: "3" and "Dec" / "dec.". */
export function eventDay(event: Pick<EventTimeFields, 'startsAt' | 'timeZone'>, language: Language): { day: string; month: string } {
  const start = toDate(event.startsAt);
  const timeZone = isTimeZone(event.timeZone) ? event.timeZone : 'UTC';
  if (Number.isNaN(start.getTime())) return { day: '', month: '' };
  const parts = new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'short', timeZone }).formatToParts(start);
  return {
    day: parts.find((part) => part.type === 'day')?.value ?? '',
    month: parts.find((part) => part.type === 'month')?.value ?? '',
  };
}
