import type { MeResponse } from '../../api/generated';
import { hasRole } from './api/me';

export type NavKey = 'departments' | 'people' | 'apiKeys' | 'audit' | 'devMailbox';

export interface NavItem {
  key: NavKey;
  to: string;
}

export const NAV_PATHS: Record<NavKey, string> = {
  departments: '/departments',
  people: '/admin/people',
  apiKeys: '/admin/api-keys',
  audit: '/admin/audit',
  devMailbox: '/dev/mailbox',
};

export interface NavigationContext {
  /** The API serves the development mailbox (it answered 200). */
  devMailbox: boolean;
}

/**
 * The main menu for this person: everyone browses departments; admins also manage people, API keys
 * and read the audit log; the development mailbox shows wherever the API serves one.
 */
export function navigationFor(me: MeResponse | null | undefined, context: NavigationContext): NavItem[] {
  const keys: NavKey[] = ['departments'];
  if (hasRole(me, 'admin')) keys.push('people', 'apiKeys', 'audit');
  if (context.devMailbox) keys.push('devMailbox');
  return keys.map((key) => ({ key, to: NAV_PATHS[key] }));
}
