import type { AttendeeResponse, AttendeeResponsePaged, CheckInResponse, EventFiguresResponse, FeedbackSummaryResponse } from '../api/generated';
import { testId } from './http';

/**
 * Builders of the Events API's attendance answers (registrations as the organiser sees them, check-ins, figures,
 * feedback) for the staff pages' component tests (web-staff).
 */

const AT = '2026-05-01T08:00:00Z';

export function attendee(fields: Partial<AttendeeResponse> = {}): AttendeeResponse {
  return {
    id: testId(),
    memberId: testId(),
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.org',
    status: 'confirmed',
    seats: 1,
    guests: [],
    checkInCode: 'K7M2Q9XA',
    registeredAt: AT,
    confirmedAt: AT,
    language: 'sv',
    answers: [],
    ...fields,
  };
}

export function attendeePage(items: AttendeeResponse[], info: Partial<Omit<AttendeeResponsePaged, 'items'>> = {}): AttendeeResponsePaged {
  return { items, total: items.length, totalExact: true, page: 1, pageSize: 50, ...info };
}

export function checkedIn(who: AttendeeResponse, at = '2030-05-14T16:05:00Z'): CheckInResponse {
  return { registrationId: who.id, firstName: who.firstName, lastName: who.lastName, seats: who.seats, guests: who.guests, checkedInAt: at };
}

export function figures(eventId: string, fields: Partial<EventFiguresResponse> = {}): EventFiguresResponse {
  return {
    eventId,
    capacity: 40,
    registrations: 0,
    seats: 0,
    waiting: 0,
    waitingSeats: 0,
    checkedIn: 0,
    checkedInSeats: 0,
    noShows: 0,
    cancelled: 0,
    left: 0,
    ended: false,
    ...fields,
  };
}

export function feedbackSummary(eventId: string, fields: Partial<FeedbackSummaryResponse> = {}): FeedbackSummaryResponse {
  return {
    eventId,
    count: 0,
    distribution: [1, 2, 3, 4, 5].map((rating) => ({ rating, count: 0 })),
    comments: [],
    ...fields,
  };
}
