import { z } from 'zod';
import type { CreateNewsletterCampaignRequest, NewsletterCampaignResponse } from '../../api/generated';
import type { FieldRoute } from '../../lib/form-errors';
import type { Translate } from '../../lib/text-rules';

/**
 * The campaign editor as typed: ids as chosen ('' for none), the sender a department's id ('' for the central office),
 * the texts in both languages (Markdown with personal fields in the bodies).
 */
export interface CampaignFormValues {
  name: string;
  departmentId: string;
  topicId: string;
  segmentId: string;
  eventId: string;
  subjectSv: string;
  subjectEn: string;
  preheaderSv: string;
  preheaderEn: string;
  bodySv: string;
  bodyEn: string;
}

/** The API's limits on a campaign's texts. */
export const CAMPAIGN_RULES = { nameMax: 200, subjectMax: 200, preheaderMax: 300, bodyMax: 50_000 } as const;

export const CAMPAIGN_TEXT_FIELDS = ['subject', 'preheader', 'body'] as const;

export function emptyCampaignValues(departmentId = ''): CampaignFormValues {
  return {
    name: '',
    departmentId,
    topicId: '',
    segmentId: '',
    eventId: '',
    subjectSv: '',
    subjectEn: '',
    preheaderSv: '',
    preheaderEn: '',
    bodySv: '',
    bodyEn: '',
  };
}

export function campaignToValues(campaign: NewsletterCampaignResponse): CampaignFormValues {
  return {
    name: campaign.name,
    departmentId: campaign.departmentId ?? '',
    topicId: campaign.topicId,
    segmentId: campaign.segmentId ?? '',
    eventId: campaign.eventId ?? '',
    subjectSv: campaign.subjectSv ?? '',
    subjectEn: campaign.subjectEn ?? '',
    preheaderSv: campaign.preheaderSv ?? '',
    preheaderEn: campaign.preheaderEn ?? '',
    bodySv: campaign.bodySv ?? '',
    bodyEn: campaign.bodyEn ?? '',
  };
}

function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Markdown keeps its inner line breaks and indentation; only blank ends go. */
function markdown(value: string): string | undefined {
  const trimmed = value.replace(/^\s*\n/, '').trimEnd();
  return trimmed.trim() === '' ? undefined : trimmed;
}

export function toCampaignInput(values: CampaignFormValues, sourceMessageId?: string): CreateNewsletterCampaignRequest {
  return {
    name: values.name.trim(),
    departmentId: values.departmentId || undefined,
    topicId: values.topicId,
    segmentId: values.segmentId || undefined,
    eventId: values.eventId || undefined,
    sourceMessageId,
    subjectSv: text(values.subjectSv),
    subjectEn: text(values.subjectEn),
    preheaderSv: text(values.preheaderSv),
    preheaderEn: text(values.preheaderEn),
    bodySv: markdown(values.bodySv),
    bodyEn: markdown(values.bodyEn),
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

const MARKUP = /[<>]/;

/**
 * The API's rules for a campaign: a name; a topic; a subject and a body in at least one language (each language that
 * has a body has a subject); short texts without markup and within their limits. Whether the personal fields are
 * known is the server's to say (it compiles the texts).
 */
export function campaignSchema(t: Translate, { departmentRequired }: { departmentRequired: boolean }) {
  const R = CAMPAIGN_RULES;
  const short = (max: number) =>
    z
      .string()
      .refine((value) => value.trim().length <= max, t('validation.tooLong', { max }))
      .refine((value) => !MARKUP.test(value), t('validation.markup'));
  const long = z.string().refine((value) => value.length <= R.bodyMax, t('validation.tooLong', { max: R.bodyMax }));
  return z
    .object({
      name: short(R.nameMax).refine((value) => value.trim() !== '', t('validation.campaignName')),
      departmentId: z.string(),
      topicId: z.string().refine((value) => value !== '', t('validation.topic')),
      segmentId: z.string(),
      eventId: z.string(),
      subjectSv: short(R.subjectMax),
      subjectEn: short(R.subjectMax),
      preheaderSv: short(R.preheaderMax),
      preheaderEn: short(R.preheaderMax),
      bodySv: long,
      bodyEn: long,
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
