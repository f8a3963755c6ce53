import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../lib/i18n';
import {
  directoryFiltersFromParams,
  directoryFiltersToParams,
  directoryQuery,
  EMPTY_DIRECTORY_FILTERS,
} from './directory-search';
import {
  activeFilterCount,
  EMPTY_MEMBER_FILTERS,
  MEMBER_PAGE_SIZE,
  memberFilterProblems,
  memberFiltersFromParams,
  memberFiltersToParams,
  memberSearchQuery,
  pageCount,
  type MemberFilters,
} from './member-search';

let t: TFunction;
beforeAll(async () => {
  const i18n = createI18n({ storage: null, document: null });
  await i18n.changeLanguage('en');
  t = i18n.t;
});

const everything: MemberFilters = {
  q: ' ada ',
  department: 'dsv',
  faculty: 'soc',
  graduatedFrom: '2010',
  graduatedTo: '2020',
  country: 'se',
  city: ' Uppsala ',
  language: 'en',
  status: 'active',
  consent: 'eventInvitations',
  offers: 'mentor',
  industry: 'Banking',
  tag: 'jazz',
  sort: 'created',
  page: 3,
};

describe('memberSearchQuery', () => {
  it('maps every filter onto the search arguments', () => {
    expect(memberSearchQuery(everything)).toEqual({
      q: 'ada',
      department: 'DSV',
      faculty: 'SOC',
      graduatedFrom: 2010,
      graduatedTo: 2020,
      country: 'SE',
      city: 'Uppsala',
      language: 'en',
      status: 'active',
      consent: 'eventInvitations',
      offers: 'mentor',
      industry: 'Banking',
      tag: 'jazz',
      sort: 'created',
      page: 3,
      pageSize: MEMBER_PAGE_SIZE,
    });
  });

  it('leaves out what is not set, and unreadable years', () => {
    expect(memberSearchQuery({ ...EMPTY_MEMBER_FILTERS, graduatedFrom: '20', q: '   ' }, 10)).toEqual({
      q: undefined,
      department: undefined,
      faculty: undefined,
      graduatedFrom: undefined,
      graduatedTo: undefined,
      country: undefined,
      city: undefined,
      language: undefined,
      status: undefined,
      consent: undefined,
      offers: undefined,
      industry: undefined,
      tag: undefined,
      sort: 'name',
      page: 1,
      pageSize: 10,
    });
  });
});

describe('member filters in the address', () => {
  it('round-trip', () => {
    const params = memberFiltersToParams(everything);
    expect(params.toString()).toBe(
      'q=ada&department=dsv&faculty=soc&country=se&city=Uppsala&industry=Banking&tag=jazz&graduatedFrom=2010&graduatedTo=2020&language=en&status=active&consent=eventInvitations&offers=mentor&sort=created&page=3',
    );
    expect(memberFiltersFromParams(params)).toEqual({
      ...everything,
      q: 'ada',
      department: 'DSV',
      faculty: 'SOC',
      country: 'SE',
      city: 'Uppsala',
    });
  });

  it('leave out the defaults', () => {
    expect(memberFiltersToParams(EMPTY_MEMBER_FILTERS).toString()).toBe('');
  });

  it('drop unknown choices but keep a year that is not one, to explain it', () => {
    const filters = memberFiltersFromParams(
      new URLSearchParams('status=deleted&consent=spam&offers=cake&language=de&sort=age&page=-2&graduatedFrom=1x&graduatedTo=2020'),
    );
    expect(filters).toEqual({ ...EMPTY_MEMBER_FILTERS, graduatedFrom: '1x', graduatedTo: '2020' });
    expect(memberFiltersToParams(filters).toString()).toBe('graduatedFrom=1x&graduatedTo=2020');
    expect(memberSearchQuery(filters).graduatedFrom).toBeUndefined();
  });

  it('explain a graduation year that is not one, out of range, or before the other', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const problems = (from: string, to: string) => memberFilterProblems({ ...EMPTY_MEMBER_FILTERS, graduatedFrom: from, graduatedTo: to }, t, now);
    expect(problems('', '')).toEqual({});
    expect(problems('2010', '2020')).toEqual({});
    expect(problems('1x', '')).toEqual({ graduatedFrom: ['Write the year with four digits, e.g. 2015.'] });
    expect(problems('', '20')).toEqual({ graduatedTo: ['Write the year with four digits, e.g. 2015.'] });
    expect(problems('1899', '2037')).toEqual({
      graduatedFrom: ['A year from 1900 to 2036.'],
      graduatedTo: ['A year from 1900 to 2036.'],
    });
    expect(problems('2020', '2010')).toEqual({ graduatedTo: ['The "until" year cannot be before the "from" year.'] });
  });

  it('count the filters in use', () => {
    expect(activeFilterCount(EMPTY_MEMBER_FILTERS)).toBe(0);
    expect(activeFilterCount(everything)).toBe(13);
  });
});

describe('directory filters', () => {
  it('map onto the directory search and the address', () => {
    const filters = { q: ' ada ', department: 'dsv', country: 'se', offers: 'panel' as const, page: 2 };
    expect(directoryQuery(filters, 12)).toEqual({ q: 'ada', department: 'DSV', country: 'SE', offers: 'panel', page: 2, pageSize: 12 });
    const params = directoryFiltersToParams(filters);
    expect(params.toString()).toBe('q=ada&department=DSV&country=SE&offers=panel&page=2');
    expect(directoryFiltersFromParams(params)).toEqual({ q: 'ada', department: 'DSV', country: 'SE', offers: 'panel', page: 2 });
    expect(directoryFiltersFromParams(new URLSearchParams('offers=cake&page=x'))).toEqual(EMPTY_DIRECTORY_FILTERS);
    expect(directoryQuery(EMPTY_DIRECTORY_FILTERS)).toMatchObject({ q: undefined, department: undefined, offers: undefined });
  });
});

describe('pageCount', () => {
  it('is at least one page', () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
  });
});
