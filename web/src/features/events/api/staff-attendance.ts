import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AttendeeResponsePaged, CheckInResponse, EventFiguresResponse, FeedbackSummaryResponse } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import type { AttendeeQuery } from '../staff-attendee-filters';
import { staffEventKeys } from './staff-keys';

/** One page of an event's registrations (staff of the organiser or a co-host), the waiting list in its order. */
export function useAttendees(eventId: string, query: AttendeeQuery, enabled: boolean = true) {
  const { events } = useApiClients();
  return useQuery<AttendeeResponsePaged>({
    queryKey: staffEventKeys.attendees(eventId, query),
    enabled,
    queryFn: ({ signal }) => events.listRegistrations(eventId, query.status, query.q, query.page, query.pageSize, signal),
    placeholderData: keepPreviousData,
  });
}

/** An event's figures: registered, waiting, checked in, no-shows, cancelled. */
export function useEventFigures(eventId: string, enabled: boolean = true) {
  const { events } = useApiClients();
  return useQuery<EventFiguresResponse>({
    queryKey: staffEventKeys.figures(eventId),
    enabled,
    queryFn: ({ signal }) => events.getFigures(eventId, signal),
  });
}

/** The feedback on an event, for its organiser: count, average, distribution and comments without names. */
export function useFeedbackSummary(eventId: string, enabled: boolean = true) {
  const { events } = useApiClients();
  return useQuery<FeedbackSummaryResponse>({
    queryKey: staffEventKeys.feedback(eventId),
    enabled,
    queryFn: ({ signal }) => events.getFeedbackSummary(eventId, signal),
  });
}

/** After a check-in or its undo the attendees and the figures are read again. */
function useRefreshAttendance() {
  const queryClient = useQueryClient();
  return (eventId: string) => queryClient.invalidateQueries({ queryKey: staffEventKeys.attendance(eventId) });
}

export type CheckInVariables = { eventId: string } & ({ registrationId: string; code?: undefined } | { code: string; registrationId?: undefined });

/** Checks a registration in, by its id (from the list) or by the code under the member's QR code. */
export function useCheckIn() {
  const { events } = useApiClients();
  const refresh = useRefreshAttendance();
  return useMutation<CheckInResponse, unknown, CheckInVariables>({
    mutationFn: ({ eventId, registrationId, code }) =>
      events.checkIn(eventId, registrationId ? { registrationId } : { code }),
    onSettled: (_data, _error, { eventId }) => refresh(eventId),
  });
}

export interface UndoCheckInVariables {
  eventId: string;
  registrationId: string;
}

export function useUndoCheckIn() {
  const { events } = useApiClients();
  const refresh = useRefreshAttendance();
  return useMutation<void, unknown, UndoCheckInVariables>({
    mutationFn: ({ eventId, registrationId }) => events.undoCheckIn(eventId, registrationId),
    onSettled: (_data, _error, { eventId }) => refresh(eventId),
  });
}
