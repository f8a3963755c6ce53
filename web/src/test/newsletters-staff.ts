import type {
  CampaignFiguresResponse,
  NewsletterCampaignResponse,
  NewsletterCampaignSummary,
  NewsletterCampaignSummaryPaged,
  RecipientResponse,
  RecipientResponsePaged,
  TopicResponse,
} from '../api/generated';
import { testId } from './http';

/**
 * Builders of the Newsletters API's answers for the staff pages' component tests (web-nl-staff), typed with the
 * generated client's types, holding data only.
 */

const AT = '2026-05-01T08:00:00Z';

/** The department DSV's id in demoFaculties() is made by testId() at call time: tests pass the one they use. */
export function topic(fields: Partial<TopicResponse> = {}): TopicResponse {
  return {
    id: testId(),
    key: 'central',
    kind: 'central',
    consentChannel: 'centralNewsletter',
    nameSv: 'Alumninyhetsbrevet',
    nameEn: 'The alumni newsletter',
    active: true,
    subscribers: 120,
    version: 1,
    ...fields,
  };
}

/** A draft newsletter of the central office to the central topic. */
export function newsletterCampaign(fields: Partial<NewsletterCampaignResponse> = {}): NewsletterCampaignResponse {
  return {
    id: testId(),
    kind: 'newsletter',
    name: 'Vårbrevet 2026',
    topicId: testId(9001),
    topicKey: 'central',
    subjectSv: 'Nytt från alumninätverket',
    subjectEn: 'News from the alumni network',
    bodySv: 'Hej {{ member.first_name }}!',
    bodyEn: 'Hello {{ member.first_name }}!',
    status: 'draft',
    recipientCount: 0,
    createdAt: AT,
    updatedAt: AT,
    version: 1,
    ...fields,
  };
}

export function campaignSummary(fields: Partial<NewsletterCampaignSummary> = {}): NewsletterCampaignSummary {
  return {
    id: testId(),
    kind: 'newsletter',
    name: 'Vårbrevet 2026',
    topicId: testId(9001),
    topicKey: 'central',
    subjectSv: 'Nytt från alumninätverket',
    status: 'draft',
    recipientCount: 0,
    updatedAt: AT,
    version: 1,
    ...fields,
  };
}

export function campaignPage(items: NewsletterCampaignSummary[]): NewsletterCampaignSummaryPaged {
  return { items, page: 1, pageSize: 25, total: items.length, totalExact: true };
}

export function campaignFigures(campaignId: string, fields: Partial<CampaignFiguresResponse> = {}): CampaignFiguresResponse {
  return {
    campaignId,
    status: 'sending',
    recipients: 100,
    queued: 100,
    sending: 0,
    sent: 0,
    failed: 0,
    skipped: 0,
    uncertain: 0,
    bounces: 0,
    unsubscribes: 0,
    ...fields,
  };
}

export function recipient(fields: Partial<RecipientResponse> = {}): RecipientResponse {
  return { memberId: testId(), name: 'Astrid Ekström', email: 'astrid@example.org', language: 'sv', batch: 0, state: 'sent', attempts: 1, updatedAt: AT, ...fields };
}

export function recipientPage(items: RecipientResponse[]): RecipientResponsePaged {
  return { items, page: 1, pageSize: 50, total: items.length, totalExact: true };
}
