import type { MeetingNoteResponse, MeetingSummary, MeetingSummaryPaged, NewsResponse, NewsResponsePaged } from '../api/generated';
import { testId } from './http';

/** Builders of the network's meetings and news answers for the component tests (net-news), typed with the generated client. */

const AT = '2026-03-01T09:00:00Z';

export function meetingSummary(fields: Partial<MeetingSummary> = {}): MeetingSummary {
  return {
    eventId: testId(),
    status: 'published',
    titleSv: 'Nätverksmöte våren 2030',
    titleEn: 'Network meeting, spring 2030',
    startsAt: '2030-03-10T13:00:00Z',
    endsAt: '2030-03-10T15:00:00Z',
    timeZone: 'Europe/Stockholm',
    venue: 'Studenthuset',
    city: 'Stockholm',
    country: 'SE',
    online: false,
    noteCount: 0,
    decisionCount: 0,
    ...fields,
  };
}

export function meetingPage(items: MeetingSummary[]): MeetingSummaryPaged {
  return { items, page: 1, pageSize: 10, total: items.length, totalExact: true };
}

export function meetingNote(fields: Partial<MeetingNoteResponse> = {}): MeetingNoteResponse {
  return {
    id: testId(),
    eventId: testId(9500),
    kind: 'note',
    body: 'Vi gick igenom **planerna**.',
    bodyHtml: '<p>Vi gick igenom <strong>planerna</strong>.</p>',
    authorName: 'Demo Admin',
    createdAt: AT,
    updatedAt: AT,
    version: 1,
    ...fields,
  };
}

export function networkNews(fields: Partial<NewsResponse> = {}): NewsResponse {
  return {
    id: testId(),
    titleSv: 'Alumnidagen 2030',
    titleEn: 'The alumni day 2030',
    bodySv: 'Anmäl er **session**.',
    bodyEn: 'Sign up your **session**.',
    bodySvHtml: '<p>Anmäl er <strong>session</strong>.</p>',
    bodyEnHtml: '<p>Sign up your <strong>session</strong>.</p>',
    publishedAt: AT,
    scheduled: false,
    authorName: 'Demo Admin',
    createdAt: AT,
    updatedAt: AT,
    version: 1,
    ...fields,
  };
}

export function newsPage(items: NewsResponse[]): NewsResponsePaged {
  return { items, page: 1, pageSize: 10, total: items.length, totalExact: true };
}
