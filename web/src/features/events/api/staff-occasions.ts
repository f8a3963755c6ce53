import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateOccasionRequest, OccasionDetailResponse, OccasionResponse, OccasionResponsePaged } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { versionETag } from '../../../lib/etag';
import { toProblem } from '../../../lib/problem-details';
import { staffEventKeys } from './staff-keys';

/** One page of the occasions abroad, soonest first (staff read them; admins make them). */
export function useOccasions(page: number, pageSize: number, enabled: boolean = true) {
  const { events } = useApiClients();
  return useQuery<OccasionResponsePaged>({
    queryKey: staffEventKeys.occasionList(page, pageSize),
    enabled,
    queryFn: ({ signal }) => events.listOccasions(undefined, undefined, undefined, page, pageSize, signal),
    placeholderData: keepPreviousData,
  });
}

/** One occasion with its planning figures (counts of members there, no names). */
export function useOccasion(id: string, enabled: boolean = true) {
  const { events } = useApiClients();
  return useQuery<OccasionDetailResponse>({
    queryKey: staffEventKeys.occasion(id),
    enabled,
    queryFn: ({ signal }) => events.getOccasion(id, signal),
    refetchOnWindowFocus: false,
  });
}

function useStored() {
  const queryClient = useQueryClient();
  return async (occasion: OccasionResponse) => {
    await queryClient.invalidateQueries({ queryKey: staffEventKeys.occasions() });
    return occasion;
  };
}

export function useCreateOccasion() {
  const { events } = useApiClients();
  const stored = useStored();
  return useMutation<OccasionResponse, unknown, CreateOccasionRequest>({
    mutationFn: (body) => events.createOccasion(body),
    onSuccess: stored,
  });
}

export interface UpdateOccasionVariables {
  id: string;
  version: number;
  body: CreateOccasionRequest;
}

/** Changes an occasion (If-Match); a 412 reads it again so the form shows the current version. */
export function useUpdateOccasion() {
  const { events } = useApiClients();
  const stored = useStored();
  const queryClient = useQueryClient();
  return useMutation<OccasionResponse, unknown, UpdateOccasionVariables>({
    mutationFn: ({ id, version, body }) => events.updateOccasion(id, versionETag(version), body),
    onSuccess: stored,
    onError: async (error, { id }) => {
      const kind = toProblem(error).kind;
      if (kind === 'precondition-failed' || kind === 'not-found') await queryClient.invalidateQueries({ queryKey: staffEventKeys.occasion(id) });
    },
  });
}
