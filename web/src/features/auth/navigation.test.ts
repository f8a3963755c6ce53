import { describe, expect, it } from 'vitest';
import type { MeResponse } from '../../api/generated';
import { navigationFor } from './navigation';

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

  it('adds people, API keys and the audit log for admins', () => {
    expect(paths(navigationFor(me(['admin']), { devMailbox: false }))).toEqual([
      '/departments',
      '/admin/people',
      '/admin/api-keys',
      '/admin/audit',
    ]);
    expect(navigationFor(me(['coordinator', 'admin']), { devMailbox: false }).map((i) => i.key)).toEqual([
      'departments',
      'people',
      'apiKeys',
      'audit',
    ]);
  });

  it('adds the dev mailbox wherever the API serves one', () => {
    expect(paths(navigationFor(null, { devMailbox: true }))).toEqual(['/departments', '/dev/mailbox']);
    expect(paths(navigationFor(me(['admin']), { devMailbox: true })).at(-1)).toBe('/dev/mailbox');
  });
});
