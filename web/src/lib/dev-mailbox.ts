import { useQuery } from '@tanstack/react-query';
import { useApiClients } from './api-context';
import { QUIET_UNAUTHORIZED } from './unauthorized';

/** TanStack Query keys of the development mailbox. */
export const devKeys = {
  all: ['dev'] as const,
  available: () => [...devKeys.all, 'available'] as const,
  mailbox: (limit: number) => [...devKeys.all, 'mailbox', { limit }] as const,
};

/**
 * Whether the API serves the development mailbox: asked once per visit, quietly. Only a 200 shows the
 * link; a 404 (any environment but Development) or any other failure hides it.
 */
export function useDevMailboxAvailable(): boolean {
  const { dev } = useApiClients();
  const query = useQuery<boolean>({
    queryKey: devKeys.available(),
    queryFn: async ({ signal }) => {
      try {
        await dev.mailbox(1, signal);
        return true;
      } catch {
        return false;
      }
    },
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    meta: QUIET_UNAUTHORIZED,
  });
  return query.data === true;
}
