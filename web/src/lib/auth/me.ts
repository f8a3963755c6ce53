import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeResponse } from '../../api/generated';
import type { IdentityApi } from '../api-client';
import { useApiClients } from '../api-context';
import { isUnauthorized } from '../problem-details';
import { QUIET_UNAUTHORIZED } from '../unauthorized';
import { authKeys } from './keys';

export type Role = 'admin' | 'coordinator' | 'alumnus';

/** Who is signed in, or null when nobody is (the API's 401 is an answer here, not an error). */
export function meQueryOptions(identity: IdentityApi) {
  return queryOptions<MeResponse | null>({
    queryKey: authKeys.me(),
    queryFn: async ({ signal }) => {
      try {
        return await identity.me(signal);
      } catch (error) {
        if (isUnauthorized(error)) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    meta: QUIET_UNAUTHORIZED,
  });
}

export function useMe() {
  const { identity } = useApiClients();
  return useQuery(meQueryOptions(identity));
}

export function hasRole(me: MeResponse | null | undefined, role: Role): boolean {
  return !!me && me.roles.includes(role);
}

export interface AuthState {
  /** The signed-in person; null when signed out or not known yet. */
  me: MeResponse | null;
  /** True until the first answer about who is signed in. */
  isPending: boolean;
  /** Who is signed in could not be found out (network or server error). */
  error: unknown;
  isSignedIn: boolean;
  isAdmin: boolean;
  refetch: () => void;
}

/** The app-wide sign-in state, from the shared `me` query. */
export function useAuth(): AuthState {
  const query = useMe();
  const me = query.data ?? null;
  return {
    me,
    isPending: query.isPending,
    error: query.isError && query.data === undefined ? query.error : null,
    isSignedIn: me !== null,
    isAdmin: hasRole(me, 'admin'),
    refetch: () => void query.refetch(),
  };
}
