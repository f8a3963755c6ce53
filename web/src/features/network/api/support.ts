import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateSupportRequestRequest,
  EventSummary,
  SupportRequestFiguresResponse,
  SupportRequestResponse,
  SupportRequestStatus,
  SupportRequestSummaryPaged,
} from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { versionETag } from '../../../lib/etag';
import { toProblem } from '../../../lib/problem-details';

/** The list's filters as the address holds them. */
export interface SupportRequestQuery {
  status?: SupportRequestStatus;
  year?: number;
  department?: string;
  page: number;
  pageSize: number;
}

export const supportKeys = {
  all: ['network', 'support'] as const,
  lists: () => [...supportKeys.all, 'list'] as const,
  list: (query: SupportRequestQuery) => [...supportKeys.lists(), query] as const,
  detail: (id: string) => [...supportKeys.all, 'detail', id] as const,
  figures: () => [...supportKeys.all, 'figures'] as const,
  events: (code: string) => [...supportKeys.all, 'events', code] as const,
};

/** One page of the support requests the caller sees (a coordinator: those their departments ask for or take part in). */
export function useSupportRequests(query: SupportRequestQuery) {
  const { network } = useApiClients();
  return useQuery<SupportRequestSummaryPaged>({
    queryKey: supportKeys.list(query),
    queryFn: ({ signal }) => network.listSupportRequests(query.status, query.year, query.department, query.page, query.pageSize, signal),
    placeholderData: keepPreviousData,
  });
}

/** One request with the moves the caller may make and its history (its version for the moves' If-Match). */
export function useSupportRequest(id: string, enabled: boolean = true) {
  const { network } = useApiClients();
  return useQuery<SupportRequestResponse>({
    queryKey: supportKeys.detail(id),
    enabled,
    queryFn: ({ signal }) => network.getSupportRequest(id, signal),
    refetchOnWindowFocus: false,
  });
}

/** The figures per year (the office's: all requests). */
export function useSupportFigures(enabled: boolean = true) {
  const { network } = useApiClients();
  return useQuery<SupportRequestFiguresResponse>({
    queryKey: supportKeys.figures(),
    enabled,
    queryFn: ({ signal }) => network.getSupportRequestFigures(signal),
  });
}

export function useCreateSupportRequest() {
  const { network } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<SupportRequestResponse, unknown, CreateSupportRequestRequest>({
    mutationFn: (body) => network.createSupportRequest(body),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: supportKeys.lists() });
      await queryClient.invalidateQueries({ queryKey: supportKeys.figures() });
      return created;
    },
  });
}

/** A move of the state machine, from the version shown (If-Match). */
export type SupportMoveVariables =
  | { move: 'approve'; id: string; version: number; note?: string }
  | { move: 'decline'; id: string; version: number; reason: string }
  | { move: 'done'; id: string; version: number }
  | { move: 'withdraw'; id: string; version: number }
  | { move: 'linkEvent'; id: string; version: number; eventId: string };

/** Makes a move; the request is read again afterwards, and after a 409 or 412 so the page shows where it stands now. */
export function useSupportMove() {
  const { network } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<SupportRequestResponse, unknown, SupportMoveVariables>({
    mutationFn: (v) => {
      const ifMatch = versionETag(v.version);
      switch (v.move) {
        case 'approve':
          return network.approveSupportRequest(v.id, ifMatch, { note: v.note });
        case 'decline':
          return network.declineSupportRequest(v.id, ifMatch, { reason: v.reason });
        case 'done':
          return network.markSupportRequestDone(v.id, ifMatch);
        case 'withdraw':
          return network.withdrawSupportRequest(v.id, ifMatch);
        case 'linkEvent':
          return network.linkSupportRequestEvent(v.id, ifMatch, { eventId: v.eventId });
      }
    },
    onSuccess: async (moved) => {
      queryClient.setQueryData(supportKeys.detail(moved.id), moved);
      await queryClient.invalidateQueries({ queryKey: supportKeys.lists() });
      await queryClient.invalidateQueries({ queryKey: supportKeys.figures() });
    },
    onError: async (error, { id }) => {
      const kind = toProblem(error).kind;
      if (kind === 'conflict' || kind === 'precondition-failed') await queryClient.invalidateQueries({ queryKey: supportKeys.detail(id) });
    },
  });
}

/** The events the departments taking part organise or co-host (the events list, one department at a time), soonest first. */
export function useTakingPartEvents(codes: readonly string[], enabled: boolean) {
  const { events } = useApiClients();
  const results = useQueries({
    queries: codes.map((code) => ({
      queryKey: supportKeys.events(code),
      enabled,
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        events.list(1, 100, undefined, undefined, code, undefined, undefined, undefined, undefined, signal),
    })),
  });
  const seen = new Map<string, EventSummary>();
  for (const result of results) for (const event of result.data?.items ?? []) seen.set(event.id, event);
  return {
    events: [...seen.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    isPending: enabled && results.some((r) => r.isPending),
    isError: results.some((r) => r.isError),
  };
}
