import type {
  EventResponse,
  EventSummary,
  EventSummaryPaged,
  OccasionDetailResponse,
  OccasionResponse,
  OccasionResponsePaged,
  PublicEventResponse,
} from '../api/generated';
import { testId } from './http';

/**
 * Builders of the Events API's answers for the staff pages' component tests (web-staff), typed with the generated
 * client's types, holding data only. Kept apart from http.ts so that the alumni pages' builders do not collide.
 */

const AT = '2026-05-01T08:00:00Z';

/** An event as staff read it: a draft reunion of DSV in Stockholm, 18:00–21:00 local time on 14 May 2030. */
export function staffEvent(fields: Partial<EventResponse> = {}): EventResponse {
  return {
    id: testId(),
    organiserDepartmentCode: 'DSV',
    cohostDepartmentCodes: [],
    kind: 'reunion',
    status: 'draft',
    titleSv: 'Återträff för DSV',
    titleEn: 'DSV reunion',
    startsAt: '2030-05-14T16:00:00Z',
    endsAt: '2030-05-14T19:00:00Z',
    timeZone: 'Europe/Stockholm',
    venue: 'Borgarfjordsgatan 12',
    city: 'Kista',
    country: 'SE',
    audience: 'all',
    audienceDepartmentCodes: [],
    capacity: 40,
    seatsTaken: 0,
    seatsWaiting: 0,
    waitingRegistrations: 0,
    guestsAllowed: 1,
    questions: [],
    canEdit: true,
    sequence: 0,
    personalDataDeletedOn: '2031-05-14T19:00:00Z',
    createdAt: AT,
    updatedAt: AT,
    version: 1,
    ...fields,
  };
}

/** An event as the staff list shows it. */
export function staffEventSummary(fields: Partial<EventSummary> = {}): EventSummary {
  return {
    id: testId(),
    organiserDepartmentCode: 'DSV',
    kind: 'reunion',
    status: 'draft',
    titleSv: 'Återträff för DSV',
    titleEn: 'DSV reunion',
    startsAt: '2030-05-14T16:00:00Z',
    endsAt: '2030-05-14T19:00:00Z',
    timeZone: 'Europe/Stockholm',
    city: 'Kista',
    country: 'SE',
    online: false,
    audience: 'all',
    capacity: 40,
    seatsTaken: 0,
    seatsWaiting: 0,
    version: 1,
    ...fields,
  };
}

export function staffEventPage(items: EventSummary[], info: Partial<Omit<EventSummaryPaged, 'items'>> = {}): EventSummaryPaged {
  return { items, total: items.length, totalExact: true, page: 1, pageSize: 25, ...info };
}

/** An occasion abroad: the rector's visit to Bogotá, 2–6 March 2030. */
export function occasion(fields: Partial<OccasionDetailResponse> = {}): OccasionDetailResponse {
  return {
    id: testId(),
    title: 'Rektors besök i Bogotá',
    city: 'Bogotá',
    country: 'CO',
    startsOn: '2030-03-02',
    endsOn: '2030-03-06',
    createdAt: AT,
    updatedAt: AT,
    version: 1,
    reach: { inCountry: 0, inCountryConsented: 0, inCity: 0, inCityConsented: 0 },
    events: [],
    ...fields,
  };
}

export function occasionPage(items: OccasionResponse[], info: Partial<Omit<OccasionResponsePaged, 'items'>> = {}): OccasionResponsePaged {
  return { items, total: items.length, totalExact: true, page: 1, pageSize: 200, ...info };
}

/** A staff event as the public list shows it, with its descriptions as the server's HTML. */
export function publicEvent(event: EventResponse, html: Pick<PublicEventResponse, 'descriptionSvHtml' | 'descriptionEnHtml'> = {}): PublicEventResponse {
  return {
    id: event.id,
    organiserDepartmentCode: event.organiserDepartmentCode,
    cohostDepartmentCodes: event.cohostDepartmentCodes,
    kind: event.kind,
    status: event.status,
    titleSv: event.titleSv,
    titleEn: event.titleEn,
    summarySv: event.summarySv,
    summaryEn: event.summaryEn,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    venue: event.venue,
    address: event.address,
    city: event.city,
    country: event.country,
    online: !!event.onlineUrl,
    audience: event.audience,
    registrationOpensAt: event.registrationOpensAt,
    registrationClosesAt: event.registrationClosesAt,
    ...html,
  };
}
