import type { ConsentChannel, MemberOffer, MemberStatus } from '../../api/generated';
import { CONSENT_CHANNELS, isOneOf, MEMBER_OFFERS, MEMBER_SORTS, MEMBER_STATUSES, type MemberSort } from './options';

/** The staff member search's filters as the page holds them (and the address carries them). */
export interface MemberFilters {
  q: string;
  department: string;
  faculty: string;
  /** Graduated (a study ended) in this year or later; four digits or empty. */
  graduatedFrom: string;
  graduatedTo: string;
  country: string;
  city: string;
  language: '' | 'sv' | 'en';
  status: '' | MemberStatus;
  consent: '' | ConsentChannel;
  offers: '' | MemberOffer;
  industry: string;
  tag: string;
  sort: MemberSort;
  page: number;
}

export const MEMBER_PAGE_SIZE = 25;

/** The text filters, in the order the address lists them. */
const TEXT_FILTERS = ['q', 'department', 'faculty', 'country', 'city', 'industry', 'tag'] as const;

export const EMPTY_MEMBER_FILTERS: MemberFilters = {
  q: '',
  department: '',
  faculty: '',
  graduatedFrom: '',
  graduatedTo: '',
  country: '',
  city: '',
  language: '',
  status: '',
  consent: '',
  offers: '',
  industry: '',
  tag: '',
  sort: 'name',
  page: 1,
};

const YEAR = /^\d{4}$/;

function pageOf(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** Reads the filters from the address; anything unknown or unreadable is left out. */
export function memberFiltersFromParams(params: URLSearchParams): MemberFilters {
  const text = (name: string) => (params.get(name) ?? '').trim();
  const year = (name: string) => (YEAR.test(text(name)) ? text(name) : '');
  const choice = <T extends string>(name: string, options: readonly T[]): T | '' => {
    const value = text(name);
    return isOneOf(options, value) ? value : '';
  };
  const sort = choice('sort', MEMBER_SORTS);
  return {
    q: text('q'),
    department: text('department').toUpperCase(),
    faculty: text('faculty').toUpperCase(),
    graduatedFrom: year('graduatedFrom'),
    graduatedTo: year('graduatedTo'),
    country: text('country').toUpperCase(),
    city: text('city'),
    language: choice('language', ['sv', 'en'] as const),
    status: choice('status', MEMBER_STATUSES),
    consent: choice('consent', CONSENT_CHANNELS),
    offers: choice('offers', MEMBER_OFFERS),
    industry: text('industry'),
    tag: text('tag'),
    sort: sort || 'name',
    page: pageOf(params.get('page')),
  };
}

/** The address's query for these filters: only what is set, the default order and first page left out. */
export function memberFiltersToParams(filters: MemberFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of TEXT_FILTERS) {
    const value = filters[name].trim();
    if (value) params.set(name, value);
  }
  if (YEAR.test(filters.graduatedFrom.trim())) params.set('graduatedFrom', filters.graduatedFrom.trim());
  if (YEAR.test(filters.graduatedTo.trim())) params.set('graduatedTo', filters.graduatedTo.trim());
  if (filters.language) params.set('language', filters.language);
  if (filters.status) params.set('status', filters.status);
  if (filters.consent) params.set('consent', filters.consent);
  if (filters.offers) params.set('offers', filters.offers);
  if (filters.sort !== 'name') params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** The arguments of `members.search` for these filters (undefined: not filtered on). */
export interface MemberSearchQuery {
  q?: string;
  department?: string;
  faculty?: string;
  graduatedFrom?: number;
  graduatedTo?: number;
  country?: string;
  city?: string;
  language?: string;
  status?: MemberStatus;
  consent?: ConsentChannel;
  offers?: MemberOffer;
  industry?: string;
  tag?: string;
  sort: MemberSort;
  page: number;
  pageSize: number;
}

export function memberSearchQuery(filters: MemberFilters, pageSize: number = MEMBER_PAGE_SIZE): MemberSearchQuery {
  const text = (value: string) => value.trim() || undefined;
  const year = (value: string) => (YEAR.test(value.trim()) ? Number(value.trim()) : undefined);
  return {
    q: text(filters.q),
    department: text(filters.department)?.toUpperCase(),
    faculty: text(filters.faculty)?.toUpperCase(),
    graduatedFrom: year(filters.graduatedFrom),
    graduatedTo: year(filters.graduatedTo),
    country: text(filters.country)?.toUpperCase(),
    city: text(filters.city),
    language: filters.language || undefined,
    status: filters.status || undefined,
    consent: filters.consent || undefined,
    offers: filters.offers || undefined,
    industry: text(filters.industry),
    tag: text(filters.tag),
    sort: filters.sort,
    page: filters.page,
    pageSize,
  };
}

/** How many filters (beyond the order and page) are set: shown next to the filter panel's title. */
export function activeFilterCount(filters: MemberFilters): number {
  const { sort: _sort, page: _page, ...rest } = filters;
  return Object.values(rest).filter((value) => String(value).trim() !== '').length;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
