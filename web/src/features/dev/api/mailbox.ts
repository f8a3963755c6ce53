import { useQuery } from '@tanstack/react-query';
import type { DevMailboxMessage } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { QUIET_UNAUTHORIZED } from '../../../lib/unauthorized';

export const devKeys = {
  all: ['dev'] as const,
  available: () => [...devKeys.all, 'available'] as const,
  mailbox: (limit: number) => [...devKeys.all, 'mailbox', { limit }] as const,
};

/** How many messages the mailbox page shows. */
export const MAILBOX_LIMIT = 20;

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

/** The newest messages in the development mailbox, newest first. */
export function useDevMailbox(limit: number = MAILBOX_LIMIT) {
  const { dev } = useApiClients();
  return useQuery<DevMailboxMessage[]>({
    queryKey: devKeys.mailbox(limit),
    queryFn: ({ signal }) => dev.mailbox(limit, signal),
    staleTime: 0,
    retry: false,
    meta: QUIET_UNAUTHORIZED,
  });
}
