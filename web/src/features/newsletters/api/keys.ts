import type { CampaignStatus, RecipientState } from '../../../api/generated';

/**
 * TanStack Query keys of the staff's newsletter pages. Everything under `newsletters` belongs to whoever is signed in
 * and is dropped at sign-out (PERSONAL_QUERY_ROOTS).
 */
export interface CampaignListQuery {
  status?: CampaignStatus;
  departmentId?: string;
  central?: boolean;
  page: number;
  pageSize: number;
}

export interface RecipientQuery {
  state?: RecipientState;
  page: number;
  pageSize: number;
}

export interface MessageListQuery {
  tag?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export const newsletterKeys = {
  all: ['newsletters'] as const,
  campaigns: () => [...newsletterKeys.all, 'campaigns'] as const,
  campaignList: (query: CampaignListQuery) => [...newsletterKeys.campaigns(), 'list', query] as const,
  campaign: (id: string) => [...newsletterKeys.campaigns(), 'detail', id] as const,
  /** What is known about a campaign's sending: its figures and its recipients. */
  sending: (id: string) => [...newsletterKeys.campaigns(), 'sending', id] as const,
  figures: (id: string) => [...newsletterKeys.sending(id), 'figures'] as const,
  recipients: (id: string, query: RecipientQuery) => [...newsletterKeys.sending(id), 'recipients', query] as const,
  audience: (topicId: string, segmentId: string, departmentId: string) =>
    [...newsletterKeys.all, 'audience', topicId, segmentId, departmentId] as const,
  topics: () => [...newsletterKeys.all, 'topics'] as const,
  topicFigures: () => [...newsletterKeys.all, 'topicFigures'] as const,
  segments: () => [...newsletterKeys.all, 'segments'] as const,
  segmentList: () => [...newsletterKeys.segments(), 'list'] as const,
  segment: (id: string) => [...newsletterKeys.segments(), 'detail', id] as const,
  segmentPreview: (filter: unknown) => [...newsletterKeys.segments(), 'preview', filter] as const,
  messages: () => [...newsletterKeys.all, 'messages'] as const,
  messageList: (query: MessageListQuery) => [...newsletterKeys.messages(), 'list', query] as const,
  message: (id: string) => [...newsletterKeys.messages(), 'detail', id] as const,
  layouts: () => [...newsletterKeys.all, 'layouts'] as const,
  layout: (id: string) => [...newsletterKeys.layouts(), 'detail', id] as const,
};
