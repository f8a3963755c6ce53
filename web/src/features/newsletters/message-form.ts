import { z } from 'zod';
import type { CreateMessageRequest, MessageResponse } from '../../api/generated';
import type { FieldRoute } from '../../lib/form-errors';
import type { Translate } from '../../lib/text-rules';
import { CAMPAIGN_RULES, emptyMailTexts, mailTextsFrom, mailTextsShape, shortText, toMailTextsInput, type MailTexts } from './mail-texts';

/** The library's filters as the page holds them (and the address carries them). */
export interface MessageFilters {
  q: string;
  tag: string;
  page: number;
}

export const EMPTY_MESSAGE_FILTERS: MessageFilters = { q: '', tag: '', page: 1 };

export function messageFiltersFromParams(params: URLSearchParams): MessageFilters {
  const page = Number(params.get('page'));
  return { q: (params.get('q') ?? '').trim(), tag: (params.get('tag') ?? '').trim(), page: Number.isInteger(page) && page >= 1 ? page : 1 };
}

export function messageFiltersToParams(filters: MessageFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** A ready-made message as typed; the tags separated by commas. */
export interface MessageFormValues extends MailTexts {
  title: string;
  tags: string;
}

export const MESSAGE_FIELDS = ['title', 'tags', 'subjectSv', 'preheaderSv', 'bodySv', 'subjectEn', 'preheaderEn', 'bodyEn'] as const;
export type MessageField = (typeof MESSAGE_FIELDS)[number];

export function emptyMessageValues(): MessageFormValues {
  return { title: '', tags: '', ...emptyMailTexts() };
}

export function messageToValues(message: MessageResponse): MessageFormValues {
  return {
    title: message.title,
    tags: message.tags.join(', '),
    ...mailTextsFrom(message),
  };
}

export function readMessageTags(value: string): string[] {
  return [...new Set(value.split(',').map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

export function toMessageInput(values: MessageFormValues): CreateMessageRequest {
  return {
    title: values.title.trim(),
    tags: readMessageTags(values.tags),
    ...toMailTextsInput(values),
  };
}

export const MESSAGE_FIELD_ROUTES: readonly FieldRoute[] = [
  'title',
  'tags',
  ['tags.#', 'tags'],
  'subjectSv',
  'subjectEn',
  'preheaderSv',
  'preheaderEn',
  'bodySv',
  'bodyEn',
];

const TAGS_MAX = 10;

/** A title; a subject and body in at least one language; tags of at most 40 characters, ten at most. */
export function messageSchema(t: Translate) {
  return z
    .object({
      title: shortText(t, CAMPAIGN_RULES.nameMax).refine((value) => value.trim() !== '', t('validation.messageTitle')),
      tags: shortText(t, 500)
        .refine((value) => readMessageTags(value).length <= TAGS_MAX, t('validation.tooMany', { max: TAGS_MAX }))
        .refine((value) => readMessageTags(value).every((tag) => tag.length <= 40), t('validation.tooLong', { max: 40 })),
      ...mailTextsShape(t),
    })
    .superRefine((v, ctx) => {
      if (v.subjectSv.trim() === '' && v.subjectEn.trim() === '') ctx.addIssue({ code: 'custom', path: ['subjectSv'], message: t('validation.campaignText') });
    }) satisfies z.ZodType<MessageFormValues, MessageFormValues>;
}
