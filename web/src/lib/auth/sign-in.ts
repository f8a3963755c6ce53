import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CodeRequestedResponse, MeResponse, RequestCodeRequest, SignInRequest } from '../../api/generated';
import { useApiClients } from '../api-context';
import { QUIET_UNAUTHORIZED } from '../unauthorized';
import { storePendingSignIn } from './sign-in-state';
import { authKeys, isMeKey, PERSONAL_QUERY_ROOTS } from './keys';

/** Asks the API to e-mail a sign-in code (the answer is the same for every address). */
export function useRequestCode() {
  const { identity } = useApiClients();
  return useMutation<CodeRequestedResponse, unknown, RequestCodeRequest>({
    mutationFn: (request) => identity.requestCode(request),
    meta: QUIET_UNAUTHORIZED,
  });
}

/** Signs in with the e-mailed code; the new person becomes `me` and everything else is fetched again as them. */
export function useSignIn() {
  const { identity } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<MeResponse, unknown, SignInRequest>({
    mutationFn: (request) => identity.signIn(request),
    meta: QUIET_UNAUTHORIZED,
    onSuccess: async (me) => {
      storePendingSignIn(null);
      dropPersonalData(queryClient);
      queryClient.setQueryData(authKeys.me(), me);
      await queryClient.invalidateQueries({ predicate: (query) => !isMeKey(query.queryKey) });
    },
  });
}

/** Forgets whatever belonged to the previous person (admin lists, sessions), keeping `me`. */
export function dropPersonalData(queryClient: QueryClient): void {
  queryClient.removeQueries({
    predicate: (query) =>
      (PERSONAL_QUERY_ROOTS as readonly unknown[]).includes(query.queryKey[0]) && !isMeKey(query.queryKey),
  });
}

/** After a sign-out (here, everywhere, or a 401): nobody is signed in any more. */
export function markSignedOut(queryClient: QueryClient): void {
  queryClient.setQueryData(authKeys.me(), null);
  dropPersonalData(queryClient);
}
