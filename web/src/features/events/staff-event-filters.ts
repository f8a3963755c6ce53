import type { EventKind, EventStatus } from '../../api/generated';
import { localDayToIso } from '../../lib/format';
import { EVENT_KINDS, EVENT_STATUSES } from './staff-options';

/** The staff event list's filters as the page holds them (and the address carries them): all optional. */
export interface StaffEventFilters {
  status: EventStatus | '';
  kind: EventKind | '';
  /** Organised or co-hosted by this department (its code). */
  department: string;
  /** First day the events start on, yyyy-mm-dd (local). */
  from: string;
  /** Last day the events start on, yyyy-mm-dd (local), included. */
  to: string;
  page: number;
}

export const STAFF_EVENTS_PAGE_SIZE = 25;

export const EMPTY_STAFF_EVENT_FILTERS: StaffEventFilters = { status: '', kind: '', department: '', from: '', to: '', page: 1 };

const CODE = /^[A-Z][A-Z0-9-]{1,15}$/;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

export function staffEventFiltersFromParams(params: URLSearchParams): StaffEventFilters {
  const page = Number(params.get('page'));
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  const status = params.get('status') ?? '';
  const kind = params.get('kind') ?? '';
  return {
    status: isOneOf(EVENT_STATUSES, status) ? status : '',
    kind: isOneOf(EVENT_KINDS, kind) ? kind : '',
    department: CODE.test(params.get('department') ?? '') ? (params.get('department') ?? '') : '',
    from: day('from'),
    to: day('to'),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function staffEventFiltersToParams(filters: StaffEventFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.department) params.set('department', filters.department);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** The list request for these filters: whole local days, the last one included. */
export interface StaffEventQuery {
  status?: EventStatus;
  kind?: EventKind;
  department?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function staffEventQuery(filters: StaffEventFilters, pageSize: number = STAFF_EVENTS_PAGE_SIZE): StaffEventQuery {
  return {
    status: filters.status || undefined,
    kind: filters.kind || undefined,
    department: filters.department || undefined,
    from: filters.from ? localDayToIso(filters.from) : undefined,
    to: filters.to ? localDayToIso(filters.to, true) : undefined,
    page: filters.page,
    pageSize,
  };
}

/** Whether the last day is before the first: the list would be empty, so the filter says so instead. */
export function rangeReversed(filters: StaffEventFilters): boolean {
  return filters.from !== '' && filters.to !== '' && filters.to < filters.from;
}

export function activeFilterCount(filters: StaffEventFilters): number {
  return [filters.status, filters.kind, filters.department, filters.from, filters.to].filter((value) => value !== '').length;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
