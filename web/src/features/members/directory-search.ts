import type { MemberOffer } from '../../api/generated';
import { isOneOf, MEMBER_OFFERS } from './options';

/** The directory's search as the page holds it (and the address carries it). */
export interface DirectoryFilters {
  q: string;
  department: string;
  country: string;
  offers: '' | MemberOffer;
  page: number;
}

export const DIRECTORY_PAGE_SIZE = 24;

export const EMPTY_DIRECTORY_FILTERS: DirectoryFilters = { q: '', department: '', country: '', offers: '', page: 1 };

export function directoryFiltersFromParams(params: URLSearchParams): DirectoryFilters {
  const text = (name: string) => (params.get(name) ?? '').trim();
  const page = Number(params.get('page'));
  const offers = text('offers');
  return {
    q: text('q'),
    department: text('department').toUpperCase(),
    country: text('country').toUpperCase(),
    offers: isOneOf(MEMBER_OFFERS, offers) ? offers : '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function directoryFiltersToParams(filters: DirectoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.department.trim()) params.set('department', filters.department.trim().toUpperCase());
  if (filters.country.trim()) params.set('country', filters.country.trim().toUpperCase());
  if (filters.offers) params.set('offers', filters.offers);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** The arguments of `members.searchDirectory`. */
export interface DirectoryQuery {
  q?: string;
  department?: string;
  country?: string;
  offers?: MemberOffer;
  page: number;
  pageSize: number;
}

export function directoryQuery(filters: DirectoryFilters, pageSize: number = DIRECTORY_PAGE_SIZE): DirectoryQuery {
  return {
    q: filters.q.trim() || undefined,
    department: filters.department.trim().toUpperCase() || undefined,
    country: filters.country.trim().toUpperCase() || undefined,
    offers: filters.offers || undefined,
    page: filters.page,
    pageSize,
  };
}
