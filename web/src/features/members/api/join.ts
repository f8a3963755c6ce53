import { useMutation, useQuery } from '@tanstack/react-query';
import type { CampaignLandingResponse, SignUpRequest, SignUpResponse } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { QUIET_UNAUTHORIZED } from '../../../lib/unauthorized';
import { joinKeys } from './keys';

/**
 * Opens an invitation link: tells which department invites the visitor, and the API counts the visit.
 * Asked once per token and page load – never again on remounts (StrictMode), refocus or reconnect –
 * so one visit counts once. Disabled without a token.
 */
export function useCampaignLanding(token: string | undefined, options: { enabled?: boolean } = {}) {
  const { members } = useApiClients();
  return useQuery<CampaignLandingResponse>({
    queryKey: joinKeys.landing(token ?? ''),
    queryFn: () => members.openCampaignLink(token ?? ''),
    enabled: !!token && options.enabled !== false,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    refetchOnMount: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    meta: QUIET_UNAUTHORIZED,
  });
}

/** The public sign-up; the API answers 202 alike for a new and a known address. */
export function useSignUp() {
  const { members } = useApiClients();
  return useMutation<SignUpResponse, unknown, SignUpRequest>({
    mutationFn: (request) => members.signUp(request),
    meta: QUIET_UNAUTHORIZED,
  });
}
