import type { MeResponse } from '../../api/generated';
import { hasRole } from '../../lib/auth/me';

export type NavKey =
  | 'departments'
  | 'people'
  | 'apiKeys'
  | 'audit'
  | 'imports'
  | 'welcomeSeries'
  | 'bounces'
  | 'devMailbox'
  | 'myPage'
  | 'profile'
  | 'directory'
  | 'members'
  | 'campaigns'
  | 'events'
  | 'staffEvents'
  | 'occasions'
  | 'newsletters'
  | 'network';

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
  welcomeSeries: '/admin/welcome-series',
  bounces: '/admin/bounces',
  devMailbox: '/dev/mailbox',
  myPage: '/me',
  profile: '/me/profile',
  directory: '/directory',
  members: '/staff/members',
  campaigns: '/staff/campaigns',
  events: '/events',
  staffEvents: '/staff/events',
  occasions: '/staff/occasions',
  newsletters: '/staff/newsletters',
  network: '/staff/network',
};

export interface NavigationContext {
  /** The API serves the development mailbox (it answered 200). */
  devMailbox: boolean;
}

/**
 * The main menu, beside the brand (which leads to the front page, and so to the person's start page):
 * the development mailbox wherever the API serves one. What a person works with is in the network's
 * menus (networkNavigationFor).
 */
export function navigationFor(_me: MeResponse | null | undefined, context: NavigationContext): NavItem[] {
  const keys: NavKey[] = [];
  if (context.devMailbox) keys.push('devMailbox');
  return keys.map((key) => ({ key, to: NAV_PATHS[key] }));
}

/** Staff: the central office (admins) and the departments' alumni coordinators. */
export function isStaff(me: MeResponse | null | undefined): boolean {
  return hasRole(me, 'admin') || hasRole(me, 'coordinator');
}

/** The alumni network's menus, beside the main menu: for each person, for staff, and for admins. */
export interface NetworkNavigation {
  /** Anyone signed in: their start page, the events, their member profile and the alumni directory. */
  personal: NavItem[];
  /** Admins and coordinators: member search, recruitment campaigns, events, newsletters and the coordinator network (admins: also occasions; coordinators: also the departments). */
  staff: NavItem[];
  /** Admins: the departments, people, API keys, the audit log and imports. */
  admin: NavItem[];
}

/**
 * The alumni network's menus for this person: signed-in people reach their start page, the events, their
 * profile and the directory (the directory itself tells those who are not active members yet what to do);
 * staff (admins and coordinators) also search members, run recruitment campaigns, events and newsletters and open the coordinator network (admins also plan
 * occasions abroad); the faculties and
 * departments are under the staff menu for coordinators and under the admin menu for admins, who also
 * manage people, API keys, read the audit log, import former students, edit the welcome series and see bounces. Signed out: nothing (the header offers "Join" and
 * "Sign in").
 */
export function networkNavigationFor(me: MeResponse | null | undefined): NetworkNavigation {
  if (!me) return { personal: [], staff: [], admin: [] };
  const items = (...keys: NavKey[]): NavItem[] => keys.map((key) => ({ key, to: NAV_PATHS[key] }));
  const admin = hasRole(me, 'admin');
  return {
    personal: items('myPage', 'events', 'profile', 'directory'),
    staff: isStaff(me)
      ? items('members', 'campaigns', 'staffEvents', 'newsletters', 'network', ...(admin ? (['occasions'] as NavKey[]) : (['departments'] as NavKey[])))
      : [],
    admin: admin ? items('departments', 'people', 'apiKeys', 'audit', 'imports', 'welcomeSeries', 'bounces') : [],
  };
}
