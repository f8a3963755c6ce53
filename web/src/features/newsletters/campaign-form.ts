import { z } from 'zod';
import type { CreateNewsletterCampaignRequest, NewsletterCampaignResponse } from '../../api/generated';
import type { FieldRoute } from '../../lib/form-errors';
import type { Translate } from '../../lib/text-rules';
import { CAMPAIGN_RULES, emptyMailTexts, mailTextsFrom, mailTextsShape, shortText, toMailTextsInput, type MailTexts } from './mail-texts';

export { CAMPAIGN_RULES };

/**
 * The campaign editor as typed: ids as chosen ('' for none), the sender a department's id ('' for the central office),
 * the texts in both languages (Markdown with personal fields in the bodies).
 */
export interface CampaignFormValues extends MailTexts {
  name: string;
  departmentId: string;
  topicId: string;
  segmentId: string;
  eventId: string;
}

export const CAMPAIGN_TEXT_FIELDS = ['subject', 'preheader', 'body'] as const;

export function emptyCampaignValues(departmentId = ''): CampaignFormValues {
  return {
    name: '',
    departmentId,
    topicId: '',
    segmentId: '',
    eventId: '',
    ...emptyMailTexts(),
  };
}

export function campaignToValues(campaign: NewsletterCampaignResponse): CampaignFormValues {
  return {
    name: campaign.name,
    departmentId: campaign.departmentId ?? '',
    topicId: campaign.topicId,
    segmentId: campaign.segmentId ?? '',
    eventId: campaign.eventId ?? '',
    ...mailTextsFrom(campaign),
  };
}

export function toCampaignInput(values: CampaignFormValues, sourceMessageId?: string): CreateNewsletterCampaignRequest {
  return {
    name: values.name.trim(),
    departmentId: values.departmentId || undefined,
    topicId: values.topicId,
    segmentId: values.segmentId || undefined,
    eventId: values.eventId || undefined,
    sourceMessageId,
    ...toMailTextsInput(values),
  };
}

/** Where the server's field errors go (an unknown personal field in `bodySv` lands on the Swedish body). */
export const CAMPAIGN_FIELD_ROUTES: readonly FieldRoute[] = [
  'name',
  'departmentId',
  ['department', 'departmentId'],
  'topicId',
  'segmentId',
  'eventId',
  'subjectSv',
  'subjectEn',
  ['subject', 'subjectSv'],
  'preheaderSv',
  'preheaderEn',
  'bodySv',
  'bodyEn',
  ['body', 'bodySv'],
];

/** The form's fields in the order they stand (for the error summary). */
export const CAMPAIGN_FIELDS = [
  'name',
  'departmentId',
  'topicId',
  'segmentId',
  'eventId',
  'subjectSv',
  'preheaderSv',
  'bodySv',
  'subjectEn',
  'preheaderEn',
  'bodyEn',
] as const;
export type CampaignField = (typeof CAMPAIGN_FIELDS)[number];

/**
 * The API's rules for a campaign: a name; a topic; a subject and a body in at least one language (each language that
 * has a body has a subject); short texts without markup and within their limits. Whether the personal fields are
 * known is the server's to say (it compiles the texts).
 */
export function campaignSchema(t: Translate, { departmentRequired }: { departmentRequired: boolean }) {
  return z
    .object({
      name: shortText(t, CAMPAIGN_RULES.nameMax).refine((value) => value.trim() !== '', t('validation.campaignName')),
      departmentId: z.string(),
      topicId: z.string().refine((value) => value !== '', t('validation.topic')),
      segmentId: z.string(),
      eventId: z.string(),
      ...mailTextsShape(t),
    })
    .superRefine((v, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (departmentRequired && v.departmentId === '') issue('departmentId', t('validation.department'));
      const sv = v.bodySv.trim() !== '' || v.subjectSv.trim() !== '';
      const en = v.bodyEn.trim() !== '' || v.subjectEn.trim() !== '';
      if (!sv && !en) {
        issue('subjectSv', t('validation.campaignText'));
        return;
      }
      for (const [lang, has] of [
        ['Sv', sv],
        ['En', en],
      ] as const) {
        if (!has) continue;
        if (v[`subject${lang}`].trim() === '') issue(`subject${lang}`, t('validation.campaignSubject'));
        if (v[`body${lang}`].trim() === '') issue(`body${lang}`, t('validation.campaignBody'));
      }
    }) satisfies z.ZodType<CampaignFormValues, CampaignFormValues>;
}
