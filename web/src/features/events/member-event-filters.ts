import type { EventKind } from '../../api/generated';

/** The kinds of event, in the order the alumni's filter offers them. */
export const MEMBER_EVENT_KINDS = [
  'reunion',
  'lecture',
  'networking',
  'webinar',
  'internationalGathering',
  'alumniDaySession',
  'coordinatorMeeting',
] as const satisfies readonly EventKind[];

function isKind(value: string): value is EventKind {
  return (MEMBER_EVENT_KINDS as readonly string[]).includes(value);
}

/** The alumni's event list as the page holds it (and the address carries it). */
export interface MemberEventFilters {
  kind: EventKind | '';
  page: number;
}

export const MEMBER_EVENTS_PAGE_SIZE = 12;

export const EMPTY_MEMBER_EVENT_FILTERS: MemberEventFilters = { kind: '', page: 1 };

export function memberEventFiltersFromParams(params: URLSearchParams): MemberEventFilters {
  const kind = (params.get('kind') ?? '').trim();
  const page = Number(params.get('page'));
  return { kind: isKind(kind) ? kind : '', page: Number.isInteger(page) && page >= 1 ? page : 1 };
}

export function memberEventFiltersToParams(filters: MemberEventFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** What the list asks the API for: upcoming published events of my audience (the API's default), soonest first. */
export interface MemberEventQuery {
  kind?: EventKind;
  /** Only events I am registered for (confirmed or waiting). */
  registered?: boolean;
  page: number;
  pageSize: number;
}

export function memberEventQuery(filters: MemberEventFilters, pageSize: number = MEMBER_EVENTS_PAGE_SIZE): MemberEventQuery {
  return { kind: filters.kind || undefined, page: filters.page, pageSize };
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
