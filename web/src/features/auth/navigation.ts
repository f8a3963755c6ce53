import type { MeResponse } from '../../api/generated';
import { hasRole } from '../../lib/auth/me';

export type NavKey =
  | 'departments'
  | 'people'
  | 'apiKeys'
  | 'audit'
  | 'imports'
  | 'devMailbox'
  | 'profile'
  | 'directory'
  | 'members'
  | 'campaigns';

export interface NavItem {
  key: NavKey;
  to: string;
}

export const NAV_PATHS: Record<NavKey, string> = {
  departments: '/departments',
  people: '/admin/people',
  apiKeys: '/admin/api-keys',
  audit: '/admin/audit',
  imports: '/admin/imports',
  devMailbox: '/dev/mailbox',
  profile: '/me/profile',
  directory: '/directory',
  members: '/staff/members',
  campaigns: '/staff/campaigns',
};

export interface NavigationContext {
  /** The API serves the development mailbox (it answered 200). */
  devMailbox: boolean;
}

/**
 * The main menu for this person: everyone browses departments; admins also manage people, API keys,
 * read the audit log and import former students; the development mailbox shows wherever the API serves one.
 */
export function navigationFor(me: MeResponse | null | undefined, context: NavigationContext): NavItem[] {
  const keys: NavKey[] = ['departments'];
  if (hasRole(me, 'admin')) keys.push('people', 'apiKeys', 'audit', 'imports');
  if (context.devMailbox) keys.push('devMailbox');
  return keys.map((key) => ({ key, to: NAV_PATHS[key] }));
}

/** Staff: the central office (admins) and the departments' alumni coordinators. */
export function isStaff(me: MeResponse | null | undefined): boolean {
  return hasRole(me, 'admin') || hasRole(me, 'coordinator');
}

/** The alumni network's menus, beside the main menu: for each person, and for staff. */
export interface NetworkNavigation {
  /** Anyone signed in: their member profile and the alumni directory. */
  personal: NavItem[];
  /** Admins and coordinators: member search and recruitment campaigns. */
  staff: NavItem[];
}

/**
 * The alumni network's menus for this person: signed-in people reach their profile and the directory
 * (the directory itself tells those who are not active members yet what to do); staff (admins and
 * coordinators) also search members and run recruitment campaigns. Signed out: nothing (the header
 * offers "Join" and "Sign in").
 */
export function networkNavigationFor(me: MeResponse | null | undefined): NetworkNavigation {
  if (!me) return { personal: [], staff: [] };
  const item = (key: NavKey): NavItem => ({ key, to: NAV_PATHS[key] });
  return {
    personal: [item('profile'), item('directory')],
    staff: isStaff(me) ? [item('members'), item('campaigns')] : [],
  };
}
