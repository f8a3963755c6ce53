import type { AttendeeQuery } from '../staff-attendee-filters';
import type { StaffEventQuery } from '../staff-event-filters';

/**
 * TanStack Query keys of the staff's event pages. Everything under `staffEvents` belongs to whoever is signed in and is
 * dropped at sign-out (PERSONAL_QUERY_ROOTS).
 */
export const staffEventKeys = {
  all: ['staffEvents'] as const,
  lists: () => [...staffEventKeys.all, 'list'] as const,
  list: (query: StaffEventQuery) => [...staffEventKeys.lists(), query] as const,
  detail: (id: string) => [...staffEventKeys.all, 'detail', id] as const,
  /** The event as the public list shows it (its descriptions as the server's HTML), for a version of it. */
  published: (id: string, version: number) => [...staffEventKeys.all, 'published', id, version] as const,
  /** What is known about who comes: the attendees, the figures and the feedback of one event. */
  attendance: (id: string) => [...staffEventKeys.all, 'attendance', id] as const,
  attendees: (id: string, query: AttendeeQuery) => [...staffEventKeys.attendance(id), 'attendees', query] as const,
  figures: (id: string) => [...staffEventKeys.attendance(id), 'figures'] as const,
  feedback: (id: string) => [...staffEventKeys.attendance(id), 'feedback'] as const,
  occasions: () => [...staffEventKeys.all, 'occasions'] as const,
  occasionList: (page: number, pageSize: number) => [...staffEventKeys.occasions(), 'list', page, pageSize] as const,
  occasion: (id: string) => [...staffEventKeys.occasions(), 'detail', id] as const,
};
