import { z } from 'zod';
import type { CreateMessageRequest, MessageResponse } from '../../api/generated';
import type { FieldRoute } from '../../lib/form-errors';
import type { Translate } from '../../lib/text-rules';
import { CAMPAIGN_RULES } from './campaign-form';

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
export interface MessageFormValues {
  title: string;
  tags: string;
  subjectSv: string;
  subjectEn: string;
  preheaderSv: string;
  preheaderEn: string;
  bodySv: string;
  bodyEn: string;
}

export const MESSAGE_FIELDS = ['title', 'tags', 'subjectSv', 'preheaderSv', 'bodySv', 'subjectEn', 'preheaderEn', 'bodyEn'] as const;
export type MessageField = (typeof MESSAGE_FIELDS)[number];

export function emptyMessageValues(): MessageFormValues {
  return { title: '', tags: '', subjectSv: '', subjectEn: '', preheaderSv: '', preheaderEn: '', bodySv: '', bodyEn: '' };
}

export function messageToValues(message: MessageResponse): MessageFormValues {
  return {
    title: message.title,
    tags: message.tags.join(', '),
    subjectSv: message.subjectSv ?? '',
    subjectEn: message.subjectEn ?? '',
    preheaderSv: message.preheaderSv ?? '',
    preheaderEn: message.preheaderEn ?? '',
    bodySv: message.bodySv ?? '',
    bodyEn: message.bodyEn ?? '',
  };
}

function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function markdown(value: string): string | undefined {
  const trimmed = value.replace(/^\s*\n/, '').trimEnd();
  return trimmed.trim() === '' ? undefined : trimmed;
}

export function readMessageTags(value: string): string[] {
  return [...new Set(value.split(',').map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

export function toMessageInput(values: MessageFormValues): CreateMessageRequest {
  return {
    title: values.title.trim(),
    tags: readMessageTags(values.tags),
    subjectSv: text(values.subjectSv),
    subjectEn: text(values.subjectEn),
    preheaderSv: text(values.preheaderSv),
    preheaderEn: text(values.preheaderEn),
    bodySv: markdown(values.bodySv),
    bodyEn: markdown(values.bodyEn),
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

const MARKUP = /[<>]/;
const TAGS_MAX = 10;

/** A title; a subject and body in at least one language; tags of at most 40 characters, ten at most. */
export function messageSchema(t: Translate) {
  const R = CAMPAIGN_RULES;
  const short = (max: number) =>
    z
      .string()
      .refine((value) => value.trim().length <= max, t('validation.tooLong', { max }))
      .refine((value) => !MARKUP.test(value), t('validation.markup'));
  const long = z.string().refine((value) => value.length <= R.bodyMax, t('validation.tooLong', { max: R.bodyMax }));
  return z
    .object({
      title: short(R.nameMax).refine((value) => value.trim() !== '', t('validation.messageTitle')),
      tags: short(500)
        .refine((value) => readMessageTags(value).length <= TAGS_MAX, t('validation.tooMany', { max: TAGS_MAX }))
        .refine((value) => readMessageTags(value).every((tag) => tag.length <= 40), t('validation.tooLong', { max: 40 })),
      subjectSv: short(R.subjectMax),
      subjectEn: short(R.subjectMax),
      preheaderSv: short(R.preheaderMax),
      preheaderEn: short(R.preheaderMax),
      bodySv: long,
      bodyEn: long,
    })
    .superRefine((v, ctx) => {
      if (v.subjectSv.trim() === '' && v.subjectEn.trim() === '') ctx.addIssue({ code: 'custom', path: ['subjectSv'], message: t('validation.campaignText') });
    }) satisfies z.ZodType<MessageFormValues, MessageFormValues>;
}
