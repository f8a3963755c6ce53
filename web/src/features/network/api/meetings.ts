import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateMeetingNoteRequest,
  MeetingNoteResponse,
  MeetingPeriod,
  MeetingResponse,
  MeetingSummaryPaged,
} from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { versionETag } from '../../../lib/etag';
import { toProblem } from '../../../lib/problem-details';

export const meetingKeys = {
  all: () => ['network', 'meetings'] as const,
  list: (when: MeetingPeriod, page: number, pageSize: number) => [...meetingKeys.all(), 'list', when, page, pageSize] as const,
  meeting: (eventId: string) => [...meetingKeys.all(), 'detail', eventId] as const,
};

/** One page of the network's meetings: upcoming soonest first, or past latest first, with their numbers of notes. */
export function useMeetings(when: MeetingPeriod, page: number, pageSize: number) {
  const { network } = useApiClients();
  return useQuery<MeetingSummaryPaged>({
    queryKey: meetingKeys.list(when, page, pageSize),
    queryFn: ({ signal }) => network.listMeetings(when, page, pageSize, signal),
    placeholderData: keepPreviousData,
  });
}

/** A meeting with its notes and decisions. */
export function useMeeting(eventId: string, enabled: boolean = true) {
  const { network } = useApiClients();
  return useQuery<MeetingResponse>({
    queryKey: meetingKeys.meeting(eventId),
    enabled,
    queryFn: ({ signal }) => network.getMeeting(eventId, signal),
  });
}

/** After a note's change the meeting and the lists (their counts) are read again. */
function useRefresh() {
  const queryClient = useQueryClient();
  return (eventId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: meetingKeys.meeting(eventId) }),
      queryClient.invalidateQueries({ queryKey: [...meetingKeys.all(), 'list'] }),
    ]);
}

export interface CreateNoteVariables {
  eventId: string;
  body: CreateMeetingNoteRequest;
}

export function useCreateMeetingNote() {
  const { network } = useApiClients();
  const refresh = useRefresh();
  return useMutation<MeetingNoteResponse, unknown, CreateNoteVariables>({
    mutationFn: ({ eventId, body }) => network.createMeetingNote(eventId, body),
    onSuccess: (_, { eventId }) => refresh(eventId),
  });
}

export interface UpdateNoteVariables {
  eventId: string;
  id: string;
  version: number;
  body: CreateMeetingNoteRequest;
}

/** Changes a note from the version shown (If-Match); on 412 or 404 the meeting is read again. */
export function useUpdateMeetingNote() {
  const { network } = useApiClients();
  const refresh = useRefresh();
  return useMutation<MeetingNoteResponse, unknown, UpdateNoteVariables>({
    mutationFn: ({ eventId, id, version, body }) => network.updateMeetingNote(eventId, id, versionETag(version), body),
    onSuccess: (_, { eventId }) => refresh(eventId),
    onError: async (error, { eventId }) => {
      const kind = toProblem(error).kind;
      if (kind === 'precondition-failed' || kind === 'not-found') await refresh(eventId);
    },
  });
}

export function useDeleteMeetingNote() {
  const { network } = useApiClients();
  const refresh = useRefresh();
  return useMutation<void, unknown, { eventId: string; id: string }>({
    mutationFn: ({ eventId, id }) => network.deleteMeetingNote(eventId, id),
    onSettled: (_, __, { eventId }) => refresh(eventId),
  });
}
