import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateWelcomeStepRequest, WelcomeStepResponse } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { versionETag } from '../../../lib/etag';
import { toProblem } from '../../../lib/problem-details';
import { newsletterAdminKeys } from './keys';

/** The welcome series' steps in order, each with its texts, delay, state, figures and version (admins). */
export function useWelcomeSteps() {
  const { newsletters } = useApiClients();
  return useQuery<WelcomeStepResponse[]>({
    queryKey: newsletterAdminKeys.welcomeSteps(),
    queryFn: ({ signal }) => newsletters.listWelcomeSteps(signal),
    refetchOnWindowFocus: false,
  });
}

export interface UpdateWelcomeStepVariables {
  id: string;
  /** The version the form started from; sent as `If-Match`. */
  version: number;
  body: UpdateWelcomeStepRequest;
}

/** Saves a step (If-Match); a 412 (changed meanwhile) reloads the steps, so the form can start again from the current one. */
export function useUpdateWelcomeStep() {
  const { newsletters } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<WelcomeStepResponse, unknown, UpdateWelcomeStepVariables>({
    mutationFn: ({ id, version, body }) => newsletters.updateWelcomeStep(id, versionETag(version), body),
    onSuccess: (step) => {
      queryClient.setQueryData<WelcomeStepResponse[]>(newsletterAdminKeys.welcomeSteps(), (steps) =>
        steps?.map((current) => (current.id === step.id ? step : current)),
      );
    },
    onError: async (error) => {
      const kind = toProblem(error).kind;
      if (kind === 'precondition-failed' || kind === 'not-found') {
        await queryClient.invalidateQueries({ queryKey: newsletterAdminKeys.welcomeSteps() });
      }
    },
  });
}
