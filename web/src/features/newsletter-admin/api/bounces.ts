import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BounceResponse, BounceResponsePaged, MemberDeliveryResponse, RecordBounceRequest } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import type { BounceQuery } from '../bounce-form';
import { newsletterAdminKeys } from './keys';

/** One page of the recorded bounces, newest first (admins). */
export function useBounces(query: BounceQuery) {
  const { newsletters } = useApiClients();
  return useQuery<BounceResponsePaged>({
    queryKey: newsletterAdminKeys.bounces(query),
    queryFn: ({ signal }) => newsletters.listBounces(query.email || undefined, query.kind || undefined, query.page, query.pageSize, signal),
    placeholderData: keepPreviousData,
  });
}

/** After a bounce is recorded or a stop lifted: the lists and every member's delivery are read again. */
function useRefreshBounces() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: newsletterAdminKeys.bounceLists() }),
      queryClient.invalidateQueries({ queryKey: newsletterAdminKeys.deliveries() }),
    ]);
  };
}

/** Records a hard or soft bounce of an address by hand (admins). */
export function useRecordBounce() {
  const { newsletters } = useApiClients();
  const refresh = useRefreshBounces();
  return useMutation<BounceResponse, unknown, RecordBounceRequest>({
    mutationFn: (body) => newsletters.recordBounce(body),
    onSuccess: refresh,
  });
}

/** Lifts the stop of mail to an address (admins): mail is sent to it again. */
export function useLiftSuppression() {
  const { newsletters } = useApiClients();
  const refresh = useRefreshBounces();
  return useMutation<void, unknown, string>({
    mutationFn: (email) => newsletters.liftSuppression(email),
    onSuccess: refresh,
  });
}

/** Whether newsletter mail to a member is stopped, why and since when, with the address's bounces (staff within scope). */
export function useMemberDelivery(memberId: string) {
  const { newsletters } = useApiClients();
  return useQuery<MemberDeliveryResponse>({
    queryKey: newsletterAdminKeys.delivery(memberId),
    queryFn: ({ signal }) => newsletters.getMemberDelivery(memberId, signal),
    retry: false,
  });
}
