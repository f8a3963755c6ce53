import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EventListItemPaged, MemberEventResponse } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import type { MemberEventQuery } from '../member-event-filters';

/**
 * TanStack Query keys of the alumni's event pages. Everything under `myEvents` belongs to whoever is signed in (the
 * events of their audience, their registrations) and is dropped at sign-out (PERSONAL_QUERY_ROOTS).
 */
export const memberEventKeys = {
  all: ['myEvents'] as const,
  lists: () => [...memberEventKeys.all, 'list'] as const,
  list: (query: MemberEventQuery) => [...memberEventKeys.lists(), query] as const,
  detail: (id: string) => [...memberEventKeys.all, 'detail', id] as const,
};

/** One page of the published, upcoming events of my audience, soonest first. */
export function useMemberEvents(query: MemberEventQuery, options: { enabled?: boolean } = {}) {
  const { events } = useApiClients();
  return useQuery<EventListItemPaged>({
    queryKey: memberEventKeys.list(query),
    enabled: options.enabled ?? true,
    queryFn: ({ signal }) =>
      events.listMine(query.page, query.pageSize, query.kind, undefined, undefined, query.registered, signal),
    placeholderData: keepPreviousData,
  });
}

/** One event as I see it (404 for a draft or outside my audience). */
export function useMemberEvent(id: string) {
  const { events } = useApiClients();
  return useQuery<MemberEventResponse>({
    queryKey: memberEventKeys.detail(id),
    queryFn: ({ signal }) => events.getMine(id, signal),
  });
}
