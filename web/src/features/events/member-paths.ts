import { API_BASE_URL } from '../../lib/api-client';

/** The alumni's event pages. */
export const MEMBER_EVENTS_PATH = '/events';
export const MY_EVENTS_PATH = '/me/events';

export function memberEventPath(id: string): string {
  return `${MEMBER_EVENTS_PATH}/${encodeURIComponent(id)}`;
}

/** The calendar file (.ics) of an event of my audience: a download link (the API's `events_getMyCalendarFile`). */
export function myEventCalendarUrl(id: string): string {
  return `${API_BASE_URL}/api/me/events/${encodeURIComponent(id)}/calendar`;
}
