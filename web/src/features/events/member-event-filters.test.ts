import { describe, expect, it } from 'vitest';
import { memberEventFiltersFromParams, memberEventFiltersToParams, memberEventQuery, pageCount } from './member-event-filters';

describe('the alumni’s event filters in the address', () => {
  it('read a known kind and a page, and ignore anything else', () => {
    expect(memberEventFiltersFromParams(new URLSearchParams('kind=webinar&page=3'))).toEqual({ kind: 'webinar', page: 3 });
    expect(memberEventFiltersFromParams(new URLSearchParams('kind=party&page=-1'))).toEqual({ kind: '', page: 1 });
  });

  it('write only what is set, so the plain list has a bare address', () => {
    expect(memberEventFiltersToParams({ kind: '', page: 1 }).toString()).toBe('');
    expect(memberEventFiltersToParams({ kind: 'reunion', page: 2 }).toString()).toBe('kind=reunion&page=2');
  });

  it('ask the API for the kind and page', () => {
    expect(memberEventQuery({ kind: 'lecture', page: 2 }, 10)).toEqual({ kind: 'lecture', page: 2, pageSize: 10 });
    expect(memberEventQuery({ kind: '', page: 1 }, 10)).toEqual({ kind: undefined, page: 1, pageSize: 10 });
    expect(pageCount(0, 10)).toBe(1);
    expect(pageCount(21, 10)).toBe(3);
  });
});
