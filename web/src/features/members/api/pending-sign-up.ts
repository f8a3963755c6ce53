import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ConsentChannel, MemberResponse, MembersClient, PendingSignUpResponse } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { versionETag } from '../../../lib/etag';
import { toProblem } from '../../../lib/problem-details';
import { memberKeys } from './keys';

/**
 * The sign-up made for my address that waits for my confirmation, or null when there is none (the
 * API's 404). Anyone can sign up with any address, so signing in activates nothing: the owner of the
 * address reads what was signed up and confirms it, with the consents they give, or rejects it.
 */
export function pendingSignUpQuery(members: MembersClient) {
  return {
    queryKey: memberKeys.pendingSignUp(),
    queryFn: async ({ signal }: { signal?: AbortSignal }): Promise<PendingSignUpResponse | null> => {
      try {
        return await members.getMyPendingSignUp(signal);
      } catch (error) {
        if (toProblem(error).kind === 'not-found') return null;
        throw error;
      }
    },
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  };
}

export function useMyPendingSignUp(options: { enabled?: boolean } = {}) {
  const { members } = useApiClients();
  return useQuery({ ...pendingSignUpQuery(members), enabled: options.enabled !== false });
}

/** Reads the pending sign-up afresh (after signing in): null when there is none. */
export function useFetchMyPendingSignUp() {
  const { members } = useApiClients();
  const queryClient = useQueryClient();
  return () => queryClient.fetchQuery({ ...pendingSignUpQuery(members), staleTime: 0 });
}

export interface ConfirmSignUpVariables {
  /** The version read; sent as If-Match, so that a newer sign-up for the address is not confirmed unseen. */
  version: number;
  /** The consents I give, each one the sign-up asked for. */
  consents: ConsentChannel[];
}

/** A 412 means a newer sign-up replaced the one shown: read it again. */
async function onStale(queryClient: QueryClient, error: unknown) {
  if (toProblem(error).kind === 'precondition-failed') {
    await queryClient.invalidateQueries({ queryKey: memberKeys.pendingSignUp() });
  }
}

/** Confirms the sign-up: I become an active member, with exactly the consents I confirmed. */
export function useConfirmMyPendingSignUp() {
  const { members } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<MemberResponse, unknown, ConfirmSignUpVariables>({
    mutationFn: ({ version, consents }) => members.confirmMyPendingSignUp(versionETag(version), { consents }),
    onSuccess: (member) => {
      queryClient.setQueryData(memberKeys.me(), member);
      queryClient.setQueryData(memberKeys.pendingSignUp(), null);
    },
    onError: (error) => onStale(queryClient, error),
  });
}

/** Rejects the sign-up: it is removed with everything it said. */
export function useRejectMyPendingSignUp() {
  const { members } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<void, unknown, { version: number }>({
    mutationFn: ({ version }) => members.rejectMyPendingSignUp(versionETag(version)),
    onSuccess: () => {
      queryClient.setQueryData(memberKeys.pendingSignUp(), null);
    },
    onError: (error) => onStale(queryClient, error),
  });
}
