import { describe, expect, it } from 'vitest';
import { auditQuery, EMPTY_AUDIT_FILTERS, filtersFromParams, filtersToParams, pageCount } from './audit-filters';

describe('audit filters', () => {
  it('round-trip through the address, dropping defaults and nonsense', () => {
    const filters = { kind: 'members' as const, action: 'auth.sign-in', entityType: 'user', from: '2025-05-01', to: '2025-05-31', page: 3 };
    expect(filtersFromParams(filtersToParams(filters))).toEqual(filters);
    expect(filtersToParams(EMPTY_AUDIT_FILTERS).toString()).toBe('');
    expect(filtersFromParams(new URLSearchParams('page=-2&from=yesterday&to=2025-13&kind=everything'))).toEqual(EMPTY_AUDIT_FILTERS);
  });

  it('ask the API for whole local days, the last one included', () => {
    const query = auditQuery({ kind: 'signIn', action: ' auth.sign-in ', entityType: '', from: '2025-05-01', to: '2025-05-31', page: 2 }, 25);
    expect(query).toEqual({
      kind: 'signIn',
      action: 'auth.sign-in',
      entityType: undefined,
      from: new Date(2025, 4, 1).toISOString(),
      to: new Date(2025, 5, 1).toISOString(),
      page: 2,
      pageSize: 25,
    });
    expect(auditQuery(EMPTY_AUDIT_FILTERS)).toEqual({
      kind: undefined,
      action: undefined,
      entityType: undefined,
      from: undefined,
      to: undefined,
      page: 1,
      pageSize: 50,
    });
  });

  it('count pages', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
  });
});
