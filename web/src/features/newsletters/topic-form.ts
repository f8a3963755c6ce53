import { z } from 'zod';
import type { ConsentChannel, CreateTopicRequest } from '../../api/generated';
import type { FieldRoute } from '../../lib/form-errors';
import type { Translate } from '../../lib/text-rules';

/** The consents a topic may rest on: the three about mail. */
export const MAIL_CHANNELS = ['centralNewsletter', 'departmentMailings', 'eventInvitations'] as const satisfies readonly ConsentChannel[];

export interface TopicFormValues {
  key: string;
  consentChannel: (typeof MAIL_CHANNELS)[number];
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
}

export const TOPIC_FIELDS = ['key', 'consentChannel', 'nameSv', 'nameEn', 'descriptionSv', 'descriptionEn'] as const;
export type TopicField = (typeof TOPIC_FIELDS)[number];
export const TOPIC_FIELD_ROUTES: readonly FieldRoute[] = TOPIC_FIELDS;

export function emptyTopicValues(): TopicFormValues {
  return { key: '', consentChannel: 'centralNewsletter', nameSv: '', nameEn: '', descriptionSv: '', descriptionEn: '' };
}

export function toTopicInput(values: TopicFormValues): CreateTopicRequest {
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    key: values.key.trim(),
    consentChannel: values.consentChannel,
    nameSv: values.nameSv.trim(),
    nameEn: values.nameEn.trim(),
    descriptionSv: text(values.descriptionSv),
    descriptionEn: text(values.descriptionEn),
  };
}

/** The API's key rule: 2–40 characters, a lower-case letter first, then lower-case letters, digits or hyphens. */
const KEY = /^[a-z][a-z0-9-]{1,39}$/;
const MARKUP = /[<>]/;

export function topicSchema(t: Translate) {
  const name = z
    .string()
    .refine((value) => value.trim() !== '', t('validation.name'))
    .refine((value) => value.trim().length <= 200, t('validation.tooLong', { max: 200 }))
    .refine((value) => !MARKUP.test(value), t('validation.nameMarkup'));
  const description = z
    .string()
    .refine((value) => value.trim().length <= 1000, t('validation.tooLong', { max: 1000 }))
    .refine((value) => !MARKUP.test(value), t('validation.markup'));
  return z.object({
    key: z.string().refine((value) => KEY.test(value.trim()), t('validation.topicKey')),
    consentChannel: z.enum(MAIL_CHANNELS),
    nameSv: name,
    nameEn: name,
    descriptionSv: description,
    descriptionEn: description,
  }) satisfies z.ZodType<TopicFormValues, TopicFormValues>;
}
