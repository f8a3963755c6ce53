import { useMutation } from '@tanstack/react-query';
import type { FeedbackResponse, SubmitFeedbackRequest } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';

/** Gives my feedback on an event I was checked in at: once (a second time is the API's 409). */
export function useSubmitFeedback() {
  const { events } = useApiClients();
  return useMutation<FeedbackResponse, unknown, { eventId: string; request: SubmitFeedbackRequest }>({
    mutationFn: ({ eventId, request }) => events.submitFeedback(eventId, request),
  });
}
