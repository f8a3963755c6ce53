import { API_BASE_URL } from '../../lib/api-client';
import type { Language } from '../../lib/i18n';

/** The alumni's event pages. */
export const MEMBER_EVENTS_PATH = '/events';
export const MY_EVENTS_PATH = '/me/events';

export function memberEventPath(id: string): string {
  return `${MEMBER_EVENTS_PATH}/${encodeURIComponent(id)}`;
}

/** The calendar file (.ics) of an event of my audience, its texts in my language: a download link (the API's `events_getMyCalendar`). */
export function myEventCalendarUrl(id: string, language: Language): string {
  return `${API_BASE_URL}/api/me/events/${encodeURIComponent(id)}/calendar.ics?${new URLSearchParams({ language }).toString()}`;
}
