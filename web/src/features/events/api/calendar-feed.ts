import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeedResponse, CreatedCalendarFeedResponse } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { memberEventKeys } from './member-events';

const feedKey = [...memberEventKeys.all, 'calendar-feed'] as const;

/** Whether I have a private calendar feed (its address is shown only when it is made). */
export function useMyCalendarFeed() {
  const { events } = useApiClients();
  return useQuery<CalendarFeedResponse>({
    queryKey: feedKey,
    queryFn: ({ signal }) => events.getMyCalendarFeed(signal),
  });
}

/** Makes my private calendar feed (a new one revokes the old address); the answer holds its address, this once. */
export function useCreateMyCalendarFeed() {
  const { events } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<CreatedCalendarFeedResponse, unknown, void>({
    mutationFn: () => events.createMyCalendarFeed(),
    onSuccess: (created) => queryClient.setQueryData<CalendarFeedResponse>(feedKey, { exists: true, createdAt: created.createdAt }),
  });
}

/** Stops my private calendar feed: its address no longer works. */
export function useRevokeMyCalendarFeed() {
  const { events } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<void, unknown, void>({
    mutationFn: () => events.revokeMyCalendarFeed(),
    onSuccess: () => queryClient.setQueryData<CalendarFeedResponse>(feedKey, { exists: false }),
  });
}
