import type { AttendeeStatus } from '../../api/generated';
import { ATTENDEE_STATUSES } from './staff-options';

/** The attendee list's filters as the page holds them (and the address carries them). */
export interface AttendeeFilters {
  status: AttendeeStatus | '';
  q: string;
  page: number;
}

export const ATTENDEES_PAGE_SIZE = 50;

export const EMPTY_ATTENDEE_FILTERS: AttendeeFilters = { status: '', q: '', page: 1 };

export function attendeeFiltersFromParams(params: URLSearchParams): AttendeeFilters {
  const page = Number(params.get('page'));
  const status = params.get('status') ?? '';
  return {
    status: (ATTENDEE_STATUSES as readonly string[]).includes(status) ? (status as AttendeeStatus) : '',
    q: (params.get('q') ?? '').trim(),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function attendeeFiltersToParams(filters: AttendeeFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

export interface AttendeeQuery {
  status?: AttendeeStatus;
  q?: string;
  page: number;
  pageSize: number;
}

export function attendeeQuery(filters: AttendeeFilters, pageSize: number = ATTENDEES_PAGE_SIZE): AttendeeQuery {
  return { status: filters.status || undefined, q: filters.q.trim() || undefined, page: filters.page, pageSize };
}

/** The CSV export's address for the filters (no page: the file holds every match). */
export function attendeeExportUrl(eventId: string, filters: AttendeeFilters, base: string): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  const search = params.toString();
  return `${base}/api/events/${encodeURIComponent(eventId)}/registrations/export${search ? `?${search}` : ''}`;
}
