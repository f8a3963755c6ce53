import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AudienceResponse,
  CampaignFiguresResponse,
  PreviewResponse,
  CreateNewsletterCampaignRequest,
  NewsletterCampaignResponse,
  NewsletterCampaignSummaryPaged,
  RecipientResponsePaged,
  UncertainResponse,
} from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { versionETag } from '../../../lib/etag';
import { toProblem } from '../../../lib/problem-details';
import { newsletterKeys, type CampaignListQuery, type RecipientQuery } from './keys';

/** One page of the campaigns (a coordinator's: their departments'), newest first. */
export function useCampaigns(query: CampaignListQuery) {
  const { newsletters } = useApiClients();
  return useQuery<NewsletterCampaignSummaryPaged>({
    queryKey: newsletterKeys.campaignList(query),
    queryFn: ({ signal }) => newsletters.listCampaigns(query.page, query.pageSize, query.status, query.departmentId, query.central, signal),
    placeholderData: keepPreviousData,
  });
}

/** One campaign with its version; while it is sending (or `poll`) it is read again every 2 seconds. */
export function useCampaign(id: string, enabled: boolean = true) {
  const { newsletters } = useApiClients();
  return useQuery<NewsletterCampaignResponse>({
    queryKey: newsletterKeys.campaign(id),
    enabled,
    queryFn: ({ signal }) => newsletters.getCampaign(id, signal),
    refetchOnWindowFocus: false,
    refetchInterval: (query) => (query.state.data?.status === 'sending' ? POLL_MS : false),
  });
}

/** How often a sending campaign's status and figures are read again. */
export const POLL_MS = 2000;

/**
 * A campaign's figures at its `status`: read again every 2 seconds while it is sending, and once more when the status
 * changes (the last batch's outcomes arrive with "sent", after the last poll).
 */
export function useCampaignFigures(id: string, status: NewsletterCampaignResponse['status']) {
  const { newsletters } = useApiClients();
  return useQuery<CampaignFiguresResponse>({
    queryKey: [...newsletterKeys.figures(id), status],
    queryFn: ({ signal }) => newsletters.getCampaignFigures(id, signal),
    placeholderData: keepPreviousData,
    refetchInterval: status === 'sending' ? POLL_MS : false,
  });
}

export function useRecipients(id: string, query: RecipientQuery) {
  const { newsletters } = useApiClients();
  return useQuery<RecipientResponsePaged>({
    queryKey: newsletterKeys.recipients(id, query),
    queryFn: ({ signal }) => newsletters.listRecipients(id, query.page, query.pageSize, query.state, signal),
    placeholderData: keepPreviousData,
  });
}

/** How many members a topic (within a segment, for a sender) reaches now; nothing until a topic is chosen. */
export function useAudience(topicId: string, segmentId: string, departmentId: string) {
  const { newsletters } = useApiClients();
  return useQuery<AudienceResponse>({
    queryKey: newsletterKeys.audience(topicId, segmentId, departmentId),
    enabled: topicId !== '',
    queryFn: ({ signal }) => newsletters.getAudience(topicId, segmentId || undefined, departmentId || undefined, signal),
    placeholderData: keepPreviousData,
  });
}

function useStoreCampaign() {
  const queryClient = useQueryClient();
  return async (campaign: NewsletterCampaignResponse) => {
    queryClient.setQueryData(newsletterKeys.campaign(campaign.id), campaign);
    await queryClient.invalidateQueries({ queryKey: newsletterKeys.campaigns(), predicate: (q) => q.queryKey[2] !== 'detail' });
  };
}

/** On 412 (someone else changed it), 409 (its state moved on) or 404 the campaign is read again. */
function useReloadOnStale() {
  const queryClient = useQueryClient();
  return async (error: unknown, id: string) => {
    const kind = toProblem(error).kind;
    if (kind === 'precondition-failed' || kind === 'not-found' || kind === 'conflict') {
      await queryClient.invalidateQueries({ queryKey: newsletterKeys.campaign(id) });
    }
  };
}

export function useCreateCampaign() {
  const { newsletters } = useApiClients();
  const store = useStoreCampaign();
  return useMutation<NewsletterCampaignResponse, unknown, CreateNewsletterCampaignRequest>({
    mutationFn: (body) => newsletters.createCampaign(body),
    onSuccess: store,
  });
}

export interface UpdateCampaignVariables {
  id: string;
  version: number;
  body: CreateNewsletterCampaignRequest;
}

/** Saves a draft's change from the version the editor started from (If-Match). */
export function useUpdateCampaign() {
  const { newsletters } = useApiClients();
  const store = useStoreCampaign();
  const reload = useReloadOnStale();
  return useMutation<NewsletterCampaignResponse, unknown, UpdateCampaignVariables>({
    // A change names no source message: that is for a new campaign only.
    mutationFn: ({ id, version, body: { sourceMessageId: _source, ...body } }) => newsletters.updateCampaign(id, versionETag(version), body),
    onSuccess: store,
    onError: (error, { id }) => reload(error, id),
  });
}

export interface PreviewVariables {
  id: string;
  language: 'sv' | 'en';
  /** A member to render it for; none: sample data. */
  memberId?: string;
}

/** The server's rendering of the saved campaign for one member (or sample data): subject, HTML and plain text. */
export function usePreviewCampaign() {
  const { newsletters } = useApiClients();
  return useMutation<PreviewResponse, unknown, PreviewVariables>({
    mutationFn: ({ id, language, memberId }) => newsletters.previewCampaign(id, { language, memberId }),
  });
}

/** Sends the saved campaign to the given addresses as a test (no recipients are recorded). */
export function useTestSendCampaign() {
  const { newsletters } = useApiClients();
  return useMutation<void, unknown, { id: string; addresses: string[] }>({
    mutationFn: async ({ id, addresses }) => {
      await newsletters.testSendCampaign(id, { addresses });
    },
  });
}

export type CampaignAction = 'send' | 'pause' | 'resume' | 'cancel';

export interface CampaignActionVariables {
  id: string;
  action: CampaignAction;
}

/** Sends now, pauses, resumes or cancels a campaign; its figures and recipients are read again. */
export function useCampaignAction() {
  const { newsletters } = useApiClients();
  const store = useStoreCampaign();
  const reload = useReloadOnStale();
  const queryClient = useQueryClient();
  return useMutation<NewsletterCampaignResponse, unknown, CampaignActionVariables>({
    mutationFn: ({ id, action }) => {
      switch (action) {
        case 'send':
          return newsletters.sendCampaign(id);
        case 'pause':
          return newsletters.pauseCampaign(id);
        case 'resume':
          return newsletters.resumeCampaign(id);
        case 'cancel':
          return newsletters.cancelCampaign(id);
      }
    },
    onSuccess: async (campaign) => {
      await store(campaign);
      await queryClient.invalidateQueries({ queryKey: newsletterKeys.sending(campaign.id) });
    },
    onError: (error, { id }) => reload(error, id),
  });
}

export type UncertainChoice = 'resend' | 'settle';

/** The operator's choice on the uncertain recipients: queue them again, or record them as not resent. */
export function useUncertainChoice() {
  const { newsletters } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<UncertainResponse, unknown, { id: string; choice: UncertainChoice }>({
    mutationFn: ({ id, choice }) => (choice === 'resend' ? newsletters.resendUncertain(id) : newsletters.settleUncertain(id)),
    onSettled: async (_data, _error, { id }) => {
      await queryClient.invalidateQueries({ queryKey: newsletterKeys.campaign(id) });
      await queryClient.invalidateQueries({ queryKey: newsletterKeys.sending(id) });
    },
  });
}

/** Schedules a draft (or re-times a scheduled campaign) to start sending at an instant (ISO). */
export function useScheduleCampaign() {
  const { newsletters } = useApiClients();
  const store = useStoreCampaign();
  const reload = useReloadOnStale();
  return useMutation<NewsletterCampaignResponse, unknown, { id: string; scheduledAt: string }>({
    mutationFn: ({ id, scheduledAt }) => newsletters.scheduleCampaign(id, { scheduledAt }),
    onSuccess: store,
    onError: (error, { id }) => reload(error, id),
  });
}
