import { useQuery } from '@tanstack/react-query';
import type { CoverageResponse, NetworkHomeResponse } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';

/**
 * TanStack Query keys of the network's start page and coverage. Everything under `network` belongs to whoever is
 * signed in and is dropped at sign-out (PERSONAL_QUERY_ROOTS).
 */
export const networkHomeKeys = {
  home: ['network', 'home'] as const,
  coverage: ['network', 'coverage'] as const,
};

/** The caller's start page of the network: their departments' figures (the office: the totals), what is new, requests, meetings, news. */
export function useNetworkHome() {
  const { network } = useApiClients();
  return useQuery<NetworkHomeResponse>({
    queryKey: networkHomeKeys.home,
    queryFn: ({ signal }) => network.getHome(signal),
  });
}

/** The office's coverage of the network: every active department, the ones needing support, the totals. */
export function useCoverage() {
  const { network } = useApiClients();
  return useQuery<CoverageResponse>({
    queryKey: networkHomeKeys.coverage,
    queryFn: ({ signal }) => network.getCoverage(signal),
  });
}
