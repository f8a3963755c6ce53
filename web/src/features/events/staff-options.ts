import type { AttendeeStatus, EventAudience, EventKind, EventStatus, QuestionKind } from '../../api/generated';

/** The API's enums in the order the staff forms and filters offer them. */
export const EVENT_KINDS = [
  'reunion',
  'lecture',
  'networking',
  'webinar',
  'internationalGathering',
  'alumniDaySession',
  'coordinatorMeeting',
] as const satisfies readonly EventKind[];

export const EVENT_STATUSES = ['draft', 'published', 'cancelled', 'completed'] as const satisfies readonly EventStatus[];

export const EVENT_AUDIENCES = ['all', 'departments', 'coordinators'] as const satisfies readonly EventAudience[];

export const QUESTION_KINDS = ['text', 'choice', 'yesNo'] as const satisfies readonly QuestionKind[];

/** The badge of a status: published is the live one, cancelled stands out, drafts and completed ones are quiet. */
export function statusBadgeClass(status: EventStatus): string {
  if (status === 'published') return 'badge badge--active';
  if (status === 'cancelled') return 'badge badge--danger';
  return 'badge badge--inactive';
}

export const ATTENDEE_STATUSES = ['confirmed', 'waiting', 'checkedIn', 'noShow', 'cancelled', 'left'] as const satisfies readonly AttendeeStatus[];

/** The badge of an attendee's status. */
export function attendeeBadgeClass(status: AttendeeStatus): string {
  if (status === 'checkedIn') return 'badge badge--active';
  if (status === 'noShow') return 'badge badge--danger';
  return 'badge badge--inactive';
}
