import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PreferencesChange, PreferencesResponse } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { toProblem } from '../../../lib/problem-details';
import { preferenceKeys } from './keys';

/**
 * The preferences a mail's link opens (`GET /api/newsletters/preferences/{token}`): only reads, never changes
 * anything (mail scanners follow links). Held still while the member chooses: no refetch on focus.
 */
export function usePreferencesByToken(token: string) {
  const { newsletters } = useApiClients();
  return useQuery<PreferencesResponse>({
    queryKey: preferenceKeys.byToken(token),
    queryFn: ({ signal }) => newsletters.getPreferences(token, signal),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });
}

/** Saves the changes made on a mail link's page (`PUT`): the answer is the page's new state. */
export function useUpdatePreferencesByToken(token: string) {
  const { newsletters } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<PreferencesResponse, unknown, PreferencesChange>({
    mutationFn: (change) => newsletters.updatePreferences(token, change),
    onSuccess: (answer) => queryClient.setQueryData(preferenceKeys.byToken(token), answer),
  });
}

/** My own newsletter preferences (signed in); null when I have no member record (the API's 404). */
export function useMyPreferences() {
  const { newsletters } = useApiClients();
  return useQuery<PreferencesResponse | null>({
    queryKey: preferenceKeys.mine(),
    queryFn: async ({ signal }) => {
      try {
        return await newsletters.getMyPreferences(signal);
      } catch (error) {
        if (toProblem(error).kind === 'not-found') return null;
        throw error;
      }
    },
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

export function useUpdateMyPreferences() {
  const { newsletters } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<PreferencesResponse, unknown, PreferencesChange>({
    mutationFn: (change) => newsletters.updateMyPreferences(change),
    onSuccess: (answer) => queryClient.setQueryData(preferenceKeys.mine(), answer),
  });
}
