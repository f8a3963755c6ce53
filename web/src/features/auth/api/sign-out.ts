import { useMutation } from '@tanstack/react-query';
import { useApiClients } from '../../../lib/api-context';
import { isUnauthorized } from '../../../lib/problem-details';
import { QUIET_UNAUTHORIZED } from '../../../lib/unauthorized';

/**
 * Signs out this browser. A 401 means the session had already ended, which is what was wanted. The
 * caller moves away from pages that need a sign-in and then marks the app signed out (markSignedOut).
 */
export function useSignOut() {
  const { identity } = useApiClients();
  return useMutation<void, unknown, void>({
    mutationFn: async () => {
      try {
        await identity.signOut();
      } catch (error) {
        if (!isUnauthorized(error)) throw error;
      }
    },
    meta: QUIET_UNAUTHORIZED,
  });
}
