import type {
  EventListItem,
  EventListItemPaged,
  MemberEventResponse,
  MyRegistrationSummary,
  MyRegistrationSummaryPaged,
  RegistrationResponse,
} from '../api/generated';

/**
 * Builders for the alumni's event pages' answers (the events of my audience), typed with the generated client's
 * types, holding data only. Beside http.ts so the staff pages' builders do not share a file with these.
 */

export const EVENT_ID = '0191a000-0000-7000-8000-0000000000e1';

/** An event in my list: a published reunion in Stockholm, 18:00–20:30 local time, 12 seats left. */
export function eventListItem(overrides: Partial<EventListItem> = {}): EventListItem {
  return {
    id: EVENT_ID,
    kind: 'reunion',
    status: 'published',
    titleSv: 'Återträff för DSV-alumner',
    titleEn: 'DSV alumni reunion',
    summarySv: 'Träffa gamla studiekamrater.',
    summaryEn: 'Meet your old classmates.',
    startsAt: '2026-12-03T17:00:00Z',
    endsAt: '2026-12-03T19:30:00Z',
    timeZone: 'Europe/Stockholm',
    venue: 'Aula Magna',
    city: 'Stockholm',
    country: 'SE',
    online: false,
    audience: 'all',
    seatsLeft: 12,
    ...overrides,
  };
}

/** One page of my events. */
export function eventListPage(items: EventListItem[], page = 1, pageSize = 12, total = items.length): EventListItemPaged {
  return { items, page, pageSize, total, totalExact: true };
}

/** An event as I see it: the list item's reunion, with its description, address and questions. */
export function memberEvent(overrides: Partial<MemberEventResponse> = {}): MemberEventResponse {
  return {
    id: EVENT_ID,
    organiserDepartmentCode: 'DSV',
    cohostDepartmentCodes: [],
    kind: 'reunion',
    status: 'published',
    titleSv: 'Återträff för DSV-alumner',
    titleEn: 'DSV alumni reunion',
    summarySv: 'Träffa gamla studiekamrater.',
    summaryEn: 'Meet your old classmates.',
    descriptionSv: 'Välkommen **alla**!',
    descriptionEn: 'Welcome **everyone**!',
    descriptionSvHtml: '<p>Välkommen <strong>alla</strong>!</p>',
    descriptionEnHtml: '<p>Welcome <strong>everyone</strong>!</p>',
    startsAt: '2026-12-03T17:00:00Z',
    endsAt: '2026-12-03T19:30:00Z',
    timeZone: 'Europe/Stockholm',
    venue: 'Aula Magna',
    address: 'Frescativägen 6',
    city: 'Stockholm',
    country: 'SE',
    online: false,
    audience: 'all',
    capacity: 40,
    seatsLeft: 12,
    guestsAllowed: 1,
    questions: [],
    sequence: 0,
    personalDataDeletedOn: '2027-12-03T19:30:00Z',
    ...overrides,
  };
}

export const REGISTRATION_ID = '0191a000-0000-7000-8000-0000000000f1';

/** My confirmed registration for the reunion: one seat, code K7M2QX9P. */
export function registration(overrides: Partial<RegistrationResponse> = {}): RegistrationResponse {
  return {
    id: REGISTRATION_ID,
    eventId: EVENT_ID,
    status: 'confirmed',
    seats: 1,
    checkInCode: 'K7M2QX9P',
    guests: [],
    answers: [],
    registeredAt: '2026-11-20T10:00:00Z',
    confirmedAt: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

/** One of my registrations as my list shows it. */
export function registrationSummary(overrides: Partial<MyRegistrationSummary> = {}): MyRegistrationSummary {
  return {
    id: REGISTRATION_ID,
    eventId: EVENT_ID,
    title: 'Återträff för DSV-alumner',
    eventStatus: 'published',
    startsAt: '2026-12-03T17:00:00Z',
    endsAt: '2026-12-03T19:30:00Z',
    timeZone: 'Europe/Stockholm',
    city: 'Stockholm',
    country: 'SE',
    status: 'confirmed',
    seats: 1,
    registeredAt: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

export function registrationPage(items: MyRegistrationSummary[], page = 1, pageSize = 20, total = items.length): MyRegistrationSummaryPaged {
  return { items, page, pageSize, total, totalExact: true };
}
