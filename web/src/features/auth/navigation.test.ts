import { describe, expect, it } from 'vitest';
import type { MeResponse } from '../../api/generated';
import { isStaff, navigationFor, networkNavigationFor } from './navigation';

function me(roles: string[]): MeResponse {
  return { userId: 'u1', email: 'x@example.org', roles, departments: [], csrfToken: 't' };
}

const paths = (items: ReturnType<typeof navigationFor>) => items.map((item) => item.to);

describe('navigationFor', () => {
  it('shows departments to everyone, signed in or not', () => {
    expect(paths(navigationFor(null, { devMailbox: false }))).toEqual(['/departments']);
    expect(paths(navigationFor(undefined, { devMailbox: false }))).toEqual(['/departments']);
    expect(paths(navigationFor(me(['alumnus']), { devMailbox: false }))).toEqual(['/departments']);
    expect(paths(navigationFor(me(['coordinator']), { devMailbox: false }))).toEqual(['/departments']);
  });

  it('adds people, API keys, the audit log and imports for admins', () => {
    expect(paths(navigationFor(me(['admin']), { devMailbox: false }))).toEqual([
      '/departments',
      '/admin/people',
      '/admin/api-keys',
      '/admin/audit',
      '/admin/imports',
    ]);
    expect(navigationFor(me(['coordinator', 'admin']), { devMailbox: false }).map((i) => i.key)).toEqual([
      'departments',
      'people',
      'apiKeys',
      'audit',
      'imports',
    ]);
  });

  it('adds the dev mailbox wherever the API serves one', () => {
    expect(paths(navigationFor(null, { devMailbox: true }))).toEqual(['/departments', '/dev/mailbox']);
    expect(paths(navigationFor(me(['admin']), { devMailbox: true })).at(-1)).toBe('/dev/mailbox');
  });
});

describe('networkNavigationFor', () => {
  const keys = (items: ReturnType<typeof networkNavigationFor>) => ({
    personal: items.personal.map((item) => item.to),
    staff: items.staff.map((item) => item.to),
  });

  it('shows nothing to a signed-out visitor', () => {
    expect(keys(networkNavigationFor(null))).toEqual({ personal: [], staff: [] });
    expect(keys(networkNavigationFor(undefined))).toEqual({ personal: [], staff: [] });
  });

  it('shows everyone signed in their profile and the directory', () => {
    expect(keys(networkNavigationFor(me(['alumnus'])))).toEqual({ personal: ['/me/profile', '/directory'], staff: [] });
  });

  it('adds members and campaigns for coordinators and admins', () => {
    const staff = { personal: ['/me/profile', '/directory'], staff: ['/staff/members', '/staff/campaigns'] };
    expect(keys(networkNavigationFor(me(['coordinator'])))).toEqual(staff);
    expect(keys(networkNavigationFor(me(['admin'])))).toEqual(staff);
    expect(keys(networkNavigationFor(me(['admin', 'coordinator'])))).toEqual(staff);
  });

  it('counts admins and coordinators as staff', () => {
    expect(isStaff(me(['admin']))).toBe(true);
    expect(isStaff(me(['coordinator']))).toBe(true);
    expect(isStaff(me(['alumnus']))).toBe(false);
    expect(isStaff(null)).toBe(false);
  });

  it('leaves the main menu as it was', () => {
    expect(paths(navigationFor(me(['coordinator']), { devMailbox: false }))).toEqual(['/departments']);
  });
});
