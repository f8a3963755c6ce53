import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MyRegistrationSummaryPaged,
  RegisterForEventRequest,
  RegistrationPeriod,
  RegistrationResponse,
} from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { toProblem } from '../../../lib/problem-details';
import { memberEventKeys } from './member-events';

/** Keys of my registrations, under the alumni's event keys (dropped at sign-out with them). */
export const registrationKeys = {
  all: [...memberEventKeys.all, 'registrations'] as const,
  list: (when: RegistrationPeriod, page: number) => [...registrationKeys.all, 'list', when, page] as const,
  mine: (eventId: string) => [...registrationKeys.all, 'event', eventId] as const,
};

export const MY_REGISTRATIONS_PAGE_SIZE = 20;

/** My registrations: upcoming (soonest first) or past (latest first), every status. */
export function useMyRegistrations(when: RegistrationPeriod, page: number) {
  const { events } = useApiClients();
  return useQuery<MyRegistrationSummaryPaged>({
    queryKey: registrationKeys.list(when, page),
    queryFn: ({ signal }) => events.listMyRegistrations(when, page, MY_REGISTRATIONS_PAGE_SIZE, signal),
    placeholderData: keepPreviousData,
  });
}

/** My registration for an event (the current one, else my latest), or null when I never registered. */
export function useMyRegistration(eventId: string, options: { enabled?: boolean } = {}) {
  const { events } = useApiClients();
  return useQuery<RegistrationResponse | null>({
    queryKey: registrationKeys.mine(eventId),
    enabled: options.enabled ?? true,
    queryFn: async ({ signal }) => {
      try {
        return await events.getMyRegistration(eventId, signal);
      } catch (error) {
        if (toProblem(error).kind === 'not-found') return null;
        throw error;
      }
    },
  });
}

/** After a registration changes: my registration is the answer; the event (seats, my status) and the lists are read again. */
function useRegistrationChanged() {
  const queryClient = useQueryClient();
  return async (registration: RegistrationResponse) => {
    queryClient.setQueryData(registrationKeys.mine(registration.eventId), registration);
    await queryClient.invalidateQueries({ queryKey: memberEventKeys.all });
  };
}

/** Registers me for an event (confirmed, or on the waiting list when it is full). */
export function useRegister() {
  const { events } = useApiClients();
  const changed = useRegistrationChanged();
  return useMutation<RegistrationResponse, unknown, { eventId: string; request: RegisterForEventRequest }>({
    mutationFn: ({ eventId, request }) => events.register(eventId, request),
    onSuccess: changed,
  });
}

/** Cancels my registration (its seats go to the waiting list) or takes me off the waiting list. */
export function useCancelRegistration() {
  const { events } = useApiClients();
  const changed = useRegistrationChanged();
  return useMutation<RegistrationResponse, unknown, string>({
    mutationFn: (eventId) => events.cancelMyRegistration(eventId),
    onSuccess: changed,
  });
}
