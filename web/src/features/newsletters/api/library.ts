import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateLayoutRequest,
  CreateMessageRequest,
  CreateSegmentRequest,
  CreateTopicRequest,
  EventSummaryPaged,
  LayoutResponse,
  MessageResponse,
  MessageSummaryPaged,
  SegmentFilter,
  SegmentPreview,
  SegmentResponse,
  SegmentResponsePaged,
  TopicFiguresResponse,
  TopicResponse,
} from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { versionETag } from '../../../lib/etag';
import { newsletterKeys, type MessageListQuery } from './keys';

// ----- topics -----

/** The topics the caller may send to or look at (a coordinator's: their departments', the events and the central ones). */
export function useTopics(includeInactive = false) {
  const { newsletters } = useApiClients();
  return useQuery<TopicResponse[]>({
    queryKey: [...newsletterKeys.topics(), includeInactive],
    queryFn: ({ signal }) => newsletters.listTopics(includeInactive || undefined, signal),
  });
}

export function useCreateTopic() {
  const { newsletters } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<TopicResponse, unknown, CreateTopicRequest>({
    mutationFn: (body) => newsletters.createTopic(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: newsletterKeys.topics() }),
  });
}

/** Subscriptions, sends and unsubscribes per topic by month. */
export function useTopicFigures() {
  const { newsletters } = useApiClients();
  return useQuery<TopicFiguresResponse>({
    queryKey: newsletterKeys.topicFigures(),
    queryFn: ({ signal }) => newsletters.getTopicFigures(undefined, signal),
  });
}

// ----- segments -----

/** The segments the caller may use (a coordinator's: their departments'), by name; the first 200. */
export function useSegments() {
  const { newsletters } = useApiClients();
  return useQuery<SegmentResponsePaged>({
    queryKey: newsletterKeys.segmentList(),
    queryFn: ({ signal }) => newsletters.listSegments(undefined, undefined, 1, 200, signal),
  });
}

export function useSegment(id: string, enabled: boolean = true) {
  const { newsletters } = useApiClients();
  return useQuery<SegmentResponse>({
    queryKey: newsletterKeys.segment(id),
    enabled,
    queryFn: ({ signal }) => newsletters.getSegment(id, signal),
    refetchOnWindowFocus: false,
  });
}

/** How many members a filter finds now, and a few of their names; `filter` null: nothing asked. */
export function useSegmentPreview(filter: SegmentFilter | null, departmentId: string) {
  const { newsletters } = useApiClients();
  return useQuery<SegmentPreview>({
    queryKey: newsletterKeys.segmentPreview({ filter, departmentId }),
    enabled: filter !== null,
    queryFn: ({ signal }) => newsletters.previewSegment({ filter: filter!, departmentId: departmentId || undefined }, signal),
    placeholderData: keepPreviousData,
  });
}

/** A saved segment's count and sample now (the campaign editor's choice of a member to preview as). */
export function useSavedSegmentPreview(id: string) {
  const { newsletters } = useApiClients();
  return useQuery<SegmentPreview>({
    queryKey: [...newsletterKeys.segment(id), 'preview'],
    enabled: id !== '',
    queryFn: ({ signal }) => newsletters.getSegmentPreview(id, signal),
  });
}

export function useSaveSegment() {
  const { newsletters } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<SegmentResponse, unknown, { id?: string; version?: number; body: CreateSegmentRequest }>({
    mutationFn: ({ id, version, body }) =>
      id ? newsletters.updateSegment(id, versionETag(version ?? 0), body) : newsletters.createSegment(body),
    onSuccess: async (segment) => {
      queryClient.setQueryData(newsletterKeys.segment(segment.id), segment);
      await queryClient.invalidateQueries({ queryKey: newsletterKeys.segmentList() });
    },
  });
}

export function useDeleteSegment() {
  const { newsletters } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<void, unknown, { id: string; version: number }>({
    mutationFn: ({ id, version }) => newsletters.deleteSegment(id, versionETag(version)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: newsletterKeys.segments() }),
  });
}

// ----- the library of ready-made messages -----

export function useMessages(query: MessageListQuery) {
  const { newsletters } = useApiClients();
  return useQuery<MessageSummaryPaged>({
    queryKey: newsletterKeys.messageList(query),
    queryFn: ({ signal }) => newsletters.listMessages(query.tag, query.q, query.page, query.pageSize, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMessage(id: string, enabled: boolean = true) {
  const { newsletters } = useApiClients();
  return useQuery<MessageResponse>({
    queryKey: newsletterKeys.message(id),
    enabled,
    queryFn: ({ signal }) => newsletters.getMessage(id, signal),
    refetchOnWindowFocus: false,
  });
}

export function useSaveMessage() {
  const { newsletters } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<MessageResponse, unknown, { id?: string; version?: number; body: CreateMessageRequest }>({
    mutationFn: ({ id, version, body }) =>
      id ? newsletters.updateMessage(id, versionETag(version ?? 0), body) : newsletters.createMessage(body),
    onSuccess: async (message) => {
      queryClient.setQueryData(newsletterKeys.message(message.id), message);
      await queryClient.invalidateQueries({ queryKey: [...newsletterKeys.messages(), 'list'] });
    },
  });
}

export function useDeleteMessage() {
  const { newsletters } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<void, unknown, { id: string }>({
    mutationFn: ({ id }) => newsletters.deleteMessage(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: newsletterKeys.messages() }),
  });
}

// ----- layouts -----

export function useLayouts() {
  const { newsletters } = useApiClients();
  return useQuery<LayoutResponse[]>({
    queryKey: [...newsletterKeys.layouts(), 'list'],
    queryFn: ({ signal }) => newsletters.listLayouts(signal),
  });
}

export function useLayout(id: string, enabled: boolean = true) {
  const { newsletters } = useApiClients();
  return useQuery<LayoutResponse>({
    queryKey: newsletterKeys.layout(id),
    enabled,
    queryFn: ({ signal }) => newsletters.getLayout(id, signal),
    refetchOnWindowFocus: false,
  });
}

export function useSaveLayout() {
  const { newsletters } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<LayoutResponse, unknown, { id?: string; version?: number; body: CreateLayoutRequest }>({
    mutationFn: ({ id, version, body }) =>
      id ? newsletters.updateLayout(id, versionETag(version ?? 0), body) : newsletters.createLayout(body),
    onSuccess: async (layout) => {
      queryClient.setQueryData(newsletterKeys.layout(layout.id), layout);
      await queryClient.invalidateQueries({ queryKey: [...newsletterKeys.layouts(), 'list'] });
    },
  });
}

// ----- events, for invitations -----

/** The published events a campaign may invite to (the staff list, soonest first, from now). */
export function useInvitableEvents() {
  const { events } = useApiClients();
  return useQuery<EventSummaryPaged>({
    queryKey: [...newsletterKeys.all, 'events'],
    queryFn: ({ signal }) => events.list(1, 100, 'published', undefined, undefined, new Date().toISOString(), undefined, undefined, undefined, signal),
    staleTime: 60_000,
  });
}

/** The events staff see (a coordinator's: their departments'), for the segment filters on attendance and registration. */
export function useStaffEventChoices() {
  const { events } = useApiClients();
  return useQuery<EventSummaryPaged>({
    queryKey: [...newsletterKeys.all, 'eventChoices'],
    queryFn: ({ signal }) => events.list(1, 100, undefined, undefined, undefined, undefined, undefined, undefined, undefined, signal),
    staleTime: 60_000,
  });
}
