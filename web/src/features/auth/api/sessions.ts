import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { isUnauthorized } from '../../../lib/problem-details';
import { QUIET_UNAUTHORIZED } from '../../../lib/unauthorized';
import { authKeys } from '../../../lib/auth/keys';

/** My sessions (signed-in browsers), the current one marked. */
export function useSessions() {
  const { identity } = useApiClients();
  return useQuery<SessionResponse[]>({
    queryKey: authKeys.sessions(),
    queryFn: ({ signal }) => identity.listSessions(signal),
  });
}

/** Signs one of my other sessions out. */
export function useRevokeSession() {
  const { identity } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<void, unknown, SessionResponse>({
    mutationFn: (session) => identity.revokeSession(session.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: authKeys.sessions() }),
  });
}

/** Signs me out everywhere, this browser included; a 401 means it had already happened. */
export function useRevokeAllSessions() {
  const { identity } = useApiClients();
  return useMutation<void, unknown, void>({
    mutationFn: async () => {
      try {
        await identity.revokeAllSessions();
      } catch (error) {
        if (!isUnauthorized(error)) throw error;
      }
    },
    meta: QUIET_UNAUTHORIZED,
  });
}
