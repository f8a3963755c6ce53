import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateEventRequest, EventResponse, EventSummaryPaged, PublicEventResponse } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { versionETag } from '../../../lib/etag';
import { toProblem } from '../../../lib/problem-details';
import type { StaffEventQuery } from '../staff-event-filters';
import { staffEventKeys } from './staff-keys';

/** One page of the staff's events (a coordinator's: those their departments organise or co-host), soonest first. */
export function useStaffEvents(query: StaffEventQuery, enabled: boolean = true) {
  const { events } = useApiClients();
  return useQuery<EventSummaryPaged>({
    queryKey: staffEventKeys.list(query),
    enabled,
    queryFn: ({ signal }) =>
      events.list(query.page, query.pageSize, query.status, query.kind, query.department, query.from, query.to, undefined, undefined, signal),
    placeholderData: keepPreviousData,
  });
}

/** One event as staff see it (everything, with its version); a form keeps the version it started from. */
export function useStaffEvent(id: string, enabled: boolean = true) {
  const { events } = useApiClients();
  return useQuery<EventResponse>({
    queryKey: staffEventKeys.detail(id),
    enabled,
    queryFn: ({ signal }) => events.get(id, signal),
    refetchOnWindowFocus: false,
  });
}

/**
 * A published event as the public list shows it: its descriptions as the server's sanitised HTML (the staff record
 * holds only the Markdown). Only for a published event that is not for coordinators only; null when the server has
 * none to show.
 */
export function usePublishedEvent(event: EventResponse | undefined) {
  const { events } = useApiClients();
  const shown = !!event && event.status === 'published' && event.audience !== 'coordinators';
  return useQuery<PublicEventResponse | null>({
    queryKey: staffEventKeys.published(event?.id ?? '', event?.version ?? 0),
    enabled: shown,
    queryFn: async ({ signal }) => {
      try {
        return await events.getPublic(event!.id, signal);
      } catch (error) {
        if (toProblem(error).kind === 'not-found') return null;
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

/** Puts the changed event in the cache at once and refreshes the lists. */
function useStoreEvent() {
  const queryClient = useQueryClient();
  return async (event: EventResponse) => {
    queryClient.setQueryData(staffEventKeys.detail(event.id), event);
    await queryClient.invalidateQueries({ queryKey: staffEventKeys.lists() });
  };
}

/** On 412 (someone else changed it), 409 (its state moved on) or 404 the event is read again, so what is shown is current. */
function useReloadOnStale() {
  const queryClient = useQueryClient();
  return async (error: unknown, id: string) => {
    const kind = toProblem(error).kind;
    if (kind === 'precondition-failed' || kind === 'not-found' || kind === 'conflict') {
      await queryClient.invalidateQueries({ queryKey: staffEventKeys.detail(id) });
    }
  };
}

export function useCreateEvent() {
  const { events } = useApiClients();
  const store = useStoreEvent();
  return useMutation<EventResponse, unknown, CreateEventRequest>({
    mutationFn: (body) => events.create(body),
    onSuccess: store,
  });
}

export interface UpdateEventVariables {
  id: string;
  /** The version the form started from; sent as `If-Match`. */
  version: number;
  body: CreateEventRequest;
}

/** Saves a change of an event (If-Match); a 412 reloads it so the form can start again from the current version. */
export function useUpdateEvent() {
  const { events } = useApiClients();
  const store = useStoreEvent();
  const reload = useReloadOnStale();
  return useMutation<EventResponse, unknown, UpdateEventVariables>({
    mutationFn: ({ id, version, body }) => events.update(id, versionETag(version), body),
    onSuccess: store,
    onError: (error, { id }) => reload(error, id),
  });
}

export type EventAction = 'publish' | 'cancel' | 'complete';

export interface EventActionVariables {
  id: string;
  version: number;
  action: EventAction;
}

/** Publishes, cancels or completes an event, from the version shown (If-Match), so a change made meanwhile is not overridden unseen. */
export function useEventAction() {
  const { events } = useApiClients();
  const store = useStoreEvent();
  const reload = useReloadOnStale();
  return useMutation<EventResponse, unknown, EventActionVariables>({
    mutationFn: ({ id, version, action }) => {
      const ifMatch = versionETag(version);
      if (action === 'publish') return events.publish(id, ifMatch);
      if (action === 'cancel') return events.cancel(id, ifMatch);
      return events.complete(id, ifMatch);
    },
    onSuccess: store,
    onError: (error, { id }) => reload(error, id),
  });
}
