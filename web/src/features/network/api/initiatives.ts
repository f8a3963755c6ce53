import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateEventRequest,
  CreateInitiativeRequest,
  EventResponse,
  InitiativeJoinResponse,
  InitiativeKind,
  InitiativeResponse,
  InitiativeStatus,
  InitiativeSummaryPaged,
} from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { versionETag } from '../../../lib/etag';
import { toProblem } from '../../../lib/problem-details';

/** What the initiatives list shows: a page, filtered by kind and status. */
export interface InitiativeQuery {
  page: number;
  pageSize: number;
  kind?: InitiativeKind;
  status?: InitiativeStatus;
}

/**
 * TanStack Query keys of the initiatives. Under the network's root (`network`, in PERSONAL_QUERY_ROOTS): what joined
 * and "mine" depend on who is signed in, so it is dropped at sign-out.
 */
export const initiativeKeys = {
  all: ['network', 'initiatives'] as const,
  lists: () => [...initiativeKeys.all, 'list'] as const,
  list: (query: InitiativeQuery) => [...initiativeKeys.lists(), query] as const,
  detail: (id: string) => [...initiativeKeys.all, 'detail', id] as const,
};

/** One page of the initiatives: open ones first, then by their first day. */
export function useInitiatives(query: InitiativeQuery) {
  const { network } = useApiClients();
  return useQuery<InitiativeSummaryPaged>({
    queryKey: initiativeKeys.list(query),
    queryFn: ({ signal }) => network.listInitiatives(query.page, query.pageSize, query.kind, query.status, undefined, signal),
    placeholderData: keepPreviousData,
  });
}

/** One initiative with who joined (each join with its own version). */
export function useInitiative(id: string, enabled: boolean = true) {
  const { network } = useApiClients();
  return useQuery<InitiativeResponse>({
    queryKey: initiativeKeys.detail(id),
    enabled,
    queryFn: ({ signal }) => network.getInitiative(id, signal),
    refetchOnWindowFocus: false,
  });
}

/** After a change: the initiative is read again (who joined, versions) and the lists refreshed. */
function useRefresh() {
  const queryClient = useQueryClient();
  return async (id: string, initiative?: InitiativeResponse) => {
    if (initiative) queryClient.setQueryData(initiativeKeys.detail(id), initiative);
    else await queryClient.invalidateQueries({ queryKey: initiativeKeys.detail(id) });
    await queryClient.invalidateQueries({ queryKey: initiativeKeys.lists() });
  };
}

/** On 412, 409 or 404 the initiative is read again, so what is shown is current. */
function useReloadOnStale() {
  const queryClient = useQueryClient();
  return async (error: unknown, id: string) => {
    const kind = toProblem(error).kind;
    if (kind === 'precondition-failed' || kind === 'not-found' || kind === 'conflict') {
      await queryClient.invalidateQueries({ queryKey: initiativeKeys.detail(id) });
    }
  };
}

export interface SaveInitiativeVariables {
  /** The initiative to change; none for a new one. */
  id?: string;
  /** The version the form started from (If-Match). */
  version?: number;
  body: CreateInitiativeRequest;
}

/** The office creates an initiative, or changes one from the version its form started from (If-Match). */
export function useSaveInitiative() {
  const { network } = useApiClients();
  const refresh = useRefresh();
  const reload = useReloadOnStale();
  return useMutation<InitiativeResponse, unknown, SaveInitiativeVariables>({
    mutationFn: ({ id, version, body }) =>
      id ? network.updateInitiative(id, versionETag(version ?? 0), body) : network.createInitiative(body),
    onSuccess: (saved) => refresh(saved.id, saved),
    onError: (error, { id }) => (id ? reload(error, id) : undefined),
  });
}

export interface InitiativeStatusVariables {
  id: string;
  version: number;
  action: 'close' | 'reopen';
}

/** The office closes or reopens an initiative, from the version shown. */
export function useInitiativeStatus() {
  const { network } = useApiClients();
  const refresh = useRefresh();
  const reload = useReloadOnStale();
  return useMutation<InitiativeResponse, unknown, InitiativeStatusVariables>({
    mutationFn: ({ id, version, action }) =>
      action === 'close' ? network.closeInitiative(id, versionETag(version)) : network.reopenInitiative(id, versionETag(version)),
    onSuccess: (saved) => refresh(saved.id, saved),
    onError: (error, { id }) => reload(error, id),
  });
}

export interface JoinVariables {
  initiativeId: string;
  departmentCode: string;
  /** The join's version when the department has joined already (If-Match); none for a first join. */
  version?: number;
  offerNote?: string;
  eventId?: string;
  campaignId?: string;
}

/** A department joins an initiative, or its join changes (what it offers, its linked event or campaign). */
export function useJoinInitiative() {
  const { network } = useApiClients();
  const refresh = useRefresh();
  return useMutation<InitiativeJoinResponse, unknown, JoinVariables>({
    mutationFn: ({ initiativeId, departmentCode, version, offerNote, eventId, campaignId }) =>
      network.joinInitiative(initiativeId, departmentCode, { offerNote, eventId, campaignId }, version === undefined ? undefined : versionETag(version)),
    onSettled: (_data, _error, { initiativeId }) => refresh(initiativeId),
  });
}

export interface LeaveVariables {
  initiativeId: string;
  departmentCode: string;
  version: number;
}

/** A department leaves an initiative (its own event or campaign stays, only unlinked). */
export function useLeaveInitiative() {
  const { network } = useApiClients();
  const refresh = useRefresh();
  return useMutation<void, unknown, LeaveVariables>({
    mutationFn: ({ initiativeId, departmentCode, version }) => network.leaveInitiative(initiativeId, departmentCode, versionETag(version)),
    onSettled: (_data, _error, { initiativeId }) => refresh(initiativeId),
  });
}

/** The event was made but could not be linked to the join: linking it again must not make a second one. */
export class EventNotLinked extends Error {
  constructor(
    readonly event: EventResponse,
    readonly reason: unknown,
  ) {
    super('The event was created but not linked to the join.');
  }
}

export interface CreateJoinEventVariables {
  /** The department's join, as the server last answered it (its version is the If-Match of the link). */
  join: InitiativeJoinResponse;
  /** The draft event to create. */
  event: CreateEventRequest;
  /** An event already made by an earlier try whose link failed: only linked, not made again. */
  made?: EventResponse;
}

/**
 * Creates the department's own draft event under an initiative through Events' create endpoint, then links it to the
 * department's join (If-Match: the join's version). Join first, event second, link last: a refused join leaves no event
 * behind, and when the event cannot be made the join stays and the page offers to make it again.
 */
export function useCreateJoinEvent() {
  const { events, network } = useApiClients();
  const refresh = useRefresh();
  return useMutation<{ event: EventResponse; join: InitiativeJoinResponse }, unknown, CreateJoinEventVariables>({
    mutationFn: async ({ join, event, made }) => {
      const created = made ?? (await events.create(event));
      try {
        const linked = await network.joinInitiative(
          join.initiativeId,
          join.departmentCode,
          { offerNote: join.offerNote, eventId: created.id, campaignId: join.campaign?.id },
          versionETag(join.version),
        );
        return { event: created, join: linked };
      } catch (error) {
        throw new EventNotLinked(created, error);
      }
    },
    onSettled: (_data, _error, { join }) => refresh(join.initiativeId),
  });
}
