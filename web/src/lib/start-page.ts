import type { MeResponse } from '../api/generated';
import { hasRole } from './auth/me';

/** The front page: what the alumni network is, with "Join" and "Sign in". Signed in, it leads on to the start page. */
export const HOME_PATH = '/';
/** An alumnus's own start page: their profile in brief and what is left to complete. */
export const MY_START_PATH = '/me';
/** The start page of staff (the central office's admins and the departments' coordinators). */
export const STAFF_START_PATH = '/staff';

/** Where a signed-in person starts: staff on the staff start page, everyone else on their own. */
export function startPathFor(me: MeResponse | null | undefined): string {
  if (!me) return HOME_PATH;
  return hasRole(me, 'admin') || hasRole(me, 'coordinator') ? STAFF_START_PATH : MY_START_PATH;
}
