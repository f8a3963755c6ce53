import { describe, expect, it } from 'vitest';
import type { MeResponse } from '../../api/generated';
import { isStaff, navigationFor, networkNavigationFor } from './navigation';

function me(roles: string[]): MeResponse {
  return { userId: 'u1', email: 'x@example.org', roles, departments: [], csrfToken: 't' };
}

const paths = (items: ReturnType<typeof navigationFor>) => items.map((item) => item.to);

describe('navigationFor', () => {
  it('shows nothing but the dev mailbox, and that only wherever the API serves one', () => {
    expect(paths(navigationFor(null, { devMailbox: false }))).toEqual([]);
    expect(paths(navigationFor(me(['admin']), { devMailbox: false }))).toEqual([]);
    expect(paths(navigationFor(null, { devMailbox: true }))).toEqual(['/dev/mailbox']);
    expect(paths(navigationFor(me(['alumnus']), { devMailbox: true }))).toEqual(['/dev/mailbox']);
  });
});

describe('networkNavigationFor', () => {
  const keys = (items: ReturnType<typeof networkNavigationFor>) => ({
    personal: items.personal.map((item) => item.to),
    staff: items.staff.map((item) => item.to),
    admin: items.admin.map((item) => item.to),
  });
  const personal = ['/me', '/events', '/me/profile', '/directory'];

  it('shows nothing to a signed-out visitor', () => {
    expect(keys(networkNavigationFor(null))).toEqual({ personal: [], staff: [], admin: [] });
    expect(keys(networkNavigationFor(undefined))).toEqual({ personal: [], staff: [], admin: [] });
  });

  it('shows everyone signed in their start page, the events, their profile and the directory', () => {
    expect(keys(networkNavigationFor(me(['alumnus'])))).toEqual({ personal, staff: [], admin: [] });
  });

  it('puts the departments under the staff menu for coordinators', () => {
    expect(keys(networkNavigationFor(me(['coordinator'])))).toEqual({
      personal,
      staff: ['/staff/members', '/staff/campaigns', '/staff/events', '/staff/newsletters', '/staff/network', '/departments'],
      admin: [],
    });
  });

  it('puts the departments, people, API keys, the audit log and imports under the admin menu for admins', () => {
    const admin = {
      personal,
      staff: ['/staff/members', '/staff/campaigns', '/staff/events', '/staff/newsletters', '/staff/network', '/staff/occasions'],
      admin: ['/departments', '/admin/people', '/admin/api-keys', '/admin/audit', '/admin/imports', '/admin/welcome-series', '/admin/bounces'],
    };
    expect(keys(networkNavigationFor(me(['admin'])))).toEqual(admin);
    expect(keys(networkNavigationFor(me(['admin', 'coordinator'])))).toEqual(admin);
  });

  it('counts admins and coordinators as staff', () => {
    expect(isStaff(me(['admin']))).toBe(true);
    expect(isStaff(me(['coordinator']))).toBe(true);
    expect(isStaff(me(['alumnus']))).toBe(false);
    expect(isStaff(null)).toBe(false);
  });
});
