import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CampaignResponse, CreateCampaignRequest } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
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
