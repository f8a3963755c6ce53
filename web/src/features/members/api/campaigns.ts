import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CampaignResponse, CreateCampaignRequest } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { versionETag } from '../../../lib/etag';
import { toProblem } from '../../../lib/problem-details';
import { memberKeys } from './keys';

/** The recruitment campaigns of my departments (all for admins), newest first, with their figures. */
export function useCampaigns() {
  const { members } = useApiClients();
  return useQuery<CampaignResponse[]>({
    queryKey: memberKeys.campaigns(),
    queryFn: ({ signal }) => members.listCampaigns(signal),
  });
}

export function useCreateCampaign() {
  const { members } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<CampaignResponse, unknown, CreateCampaignRequest>({
    mutationFn: (request) => members.createCampaign(request),
    onSuccess: async (created) => {
      queryClient.setQueryData<CampaignResponse[]>(memberKeys.campaigns(), (current) =>
        current ? [created, ...current.filter((c) => c.id !== created.id)] : current,
      );
      await queryClient.invalidateQueries({ queryKey: memberKeys.campaigns() });
    },
  });
}

export interface UpdateCampaignVariables {
  id: string;
  /** The version the change was made from; sent as `If-Match: "<version>"`. */
  version: number;
  channel: string;
  label: string;
}

/** Puts a changed campaign in the list at once, then refreshes the list. */
function useStoreCampaign() {
  const queryClient = useQueryClient();
  return async (changed: CampaignResponse) => {
    queryClient.setQueryData<CampaignResponse[]>(memberKeys.campaigns(), (current) =>
      current?.map((c) => (c.id === changed.id ? changed : c)),
    );
    await queryClient.invalidateQueries({ queryKey: memberKeys.campaigns() });
  };
}

/** On 412 (someone else changed it) or 404 the list is reloaded, so what is shown is current. */
function useReloadOnStale() {
  const queryClient = useQueryClient();
  return async (error: unknown) => {
    const problem = toProblem(error);
    if (problem.kind === 'precondition-failed' || problem.kind === 'not-found') {
      await queryClient.invalidateQueries({ queryKey: memberKeys.campaigns() });
    }
  };
}

/** Changes a campaign's channel and label, guarded by If-Match. */
export function useUpdateCampaign() {
  const { members } = useApiClients();
  const store = useStoreCampaign();
  const reload = useReloadOnStale();
  return useMutation<CampaignResponse, unknown, UpdateCampaignVariables>({
    mutationFn: ({ id, version, channel, label }) => members.updateCampaign(id, versionETag(version), { channel, label }),
    onSuccess: store,
    onError: reload,
  });
}

export interface SetCampaignClosedVariables {
  id: string;
  version: number;
  closed: boolean;
}

/** Closes or reopens a campaign (If-Match: the version shown, so a change made meanwhile is not overridden unseen). */
export function useSetCampaignClosed() {
  const { members } = useApiClients();
  const store = useStoreCampaign();
  const reload = useReloadOnStale();
  return useMutation<CampaignResponse, unknown, SetCampaignClosedVariables>({
    mutationFn: ({ id, version, closed }) =>
      closed ? members.closeCampaign(id, versionETag(version)) : members.reopenCampaign(id, versionETag(version)),
    onSuccess: store,
    onError: reload,
  });
}
