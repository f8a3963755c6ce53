import type { ConsentChannel, MemberOffer, MemberStatus } from '../../api/generated';
import type { Translate } from '../../lib/text-rules';
import { CONSENT_CHANNELS, isOneOf, MEMBER_OFFERS, MEMBER_SORTS, MEMBER_STATUSES, type MemberSort } from './options';

/** The staff member search's filters as the page holds them (and the address carries them). */
export interface MemberFilters {
  q: string;
  department: string;
  faculty: string;
  /** Graduated (a study ended) in this year or later; four digits or empty (anything else is kept, and explained). */
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

/** The filters shown first; the rest are under "more filters". */
export const COMMON_FILTERS = ['q', 'department', 'graduatedFrom', 'graduatedTo', 'country'] as const;

/** The most of a year filter kept from the address (enough to show what was wrong with it). */
const YEAR_KEPT = 12;

/**
 * Reads the filters from the address; an unknown choice is left out, but a year that is not one is kept as it is,
 * so that the page can say what is wrong with it rather than quietly search without it.
 */
export function memberFiltersFromParams(params: URLSearchParams): MemberFilters {
  const text = (name: string) => (params.get(name) ?? '').trim();
  const year = (name: string) => text(name).slice(0, YEAR_KEPT);
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
  if (filters.graduatedFrom.trim()) params.set('graduatedFrom', filters.graduatedFrom.trim());
  if (filters.graduatedTo.trim()) params.set('graduatedTo', filters.graduatedTo.trim());
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

export type YearFilter = 'graduatedFrom' | 'graduatedTo';

/** The years a graduation filter may name (MemberRules: from 1900 to ten years ahead). */
export function yearBounds(now: Date = new Date()): { min: number; max: number } {
  return { min: 1900, max: now.getFullYear() + 10 };
}

/**
 * What is wrong with the graduation years, per field (empty when nothing is): a year is four digits within
 * {@link yearBounds}, and "until" is not before "from". The search does not run while one is wrong.
 */
export function memberFilterProblems(filters: MemberFilters, t: Translate, now: Date = new Date()): Partial<Record<YearFilter, string[]>> {
  const { min, max } = yearBounds(now);
  const problems: Partial<Record<YearFilter, string[]>> = {};
  const years: Partial<Record<YearFilter, number>> = {};
  for (const field of ['graduatedFrom', 'graduatedTo'] as const) {
    const value = filters[field].trim();
    if (!value) continue;
    if (!YEAR.test(value)) problems[field] = [t('validation.yearFormat')];
    else if (Number(value) < min || Number(value) > max) problems[field] = [t('validation.yearRange', { min, max })];
    else years[field] = Number(value);
  }
  if (years.graduatedFrom !== undefined && years.graduatedTo !== undefined && years.graduatedTo < years.graduatedFrom) {
    problems.graduatedTo = [t('validation.yearOrder')];
  }
  return problems;
}

/** How many filters (beyond the order and page) are set: shown next to the filter panel's title. */
export function activeFilterCount(filters: MemberFilters): number {
  const { sort: _sort, page: _page, ...rest } = filters;
  return Object.values(rest).filter((value) => String(value).trim() !== '').length;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
