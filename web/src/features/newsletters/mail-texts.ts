import { z } from 'zod';
import type { Translate } from '../../lib/text-rules';

/** The API's limits on a mail's texts (campaigns and ready-made messages alike). */
export const CAMPAIGN_RULES = { nameMax: 200, subjectMax: 200, preheaderMax: 300, bodyMax: 50_000 } as const;

/** A mail's six texts as typed: subject, preheader and Markdown body, in Swedish and English. */
export interface MailTexts {
  subjectSv: string;
  subjectEn: string;
  preheaderSv: string;
  preheaderEn: string;
  bodySv: string;
  bodyEn: string;
}

/** The texts as the API answers them (each may be missing). */
type MailTextsResponse = { [K in keyof MailTexts]?: string | null };

/** The texts as the API takes them (an empty text is left out). */
type MailTextsInput = { [K in keyof MailTexts]?: string };

export function emptyMailTexts(): MailTexts {
  return { subjectSv: '', subjectEn: '', preheaderSv: '', preheaderEn: '', bodySv: '', bodyEn: '' };
}

export function mailTextsFrom(source: MailTextsResponse): MailTexts {
  return {
    subjectSv: source.subjectSv ?? '',
    subjectEn: source.subjectEn ?? '',
    preheaderSv: source.preheaderSv ?? '',
    preheaderEn: source.preheaderEn ?? '',
    bodySv: source.bodySv ?? '',
    bodyEn: source.bodyEn ?? '',
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

export function toMailTextsInput(values: MailTexts): MailTextsInput {
  return {
    subjectSv: text(values.subjectSv),
    subjectEn: text(values.subjectEn),
    preheaderSv: text(values.preheaderSv),
    preheaderEn: text(values.preheaderEn),
    bodySv: markdown(values.bodySv),
    bodyEn: markdown(values.bodyEn),
  };
}

const MARKUP = /[<>]/;

/** A short text without markup, within its limit. */
export function shortText(t: Translate, max: number) {
  return z
    .string()
    .refine((value) => value.trim().length <= max, t('validation.tooLong', { max }))
    .refine((value) => !MARKUP.test(value), t('validation.markup'));
}

/** The six texts' rules, for a form's schema. */
export function mailTextsShape(t: Translate) {
  const R = CAMPAIGN_RULES;
  const long = z.string().refine((value) => value.length <= R.bodyMax, t('validation.tooLong', { max: R.bodyMax }));
  return {
    subjectSv: shortText(t, R.subjectMax),
    subjectEn: shortText(t, R.subjectMax),
    preheaderSv: shortText(t, R.preheaderMax),
    preheaderEn: shortText(t, R.preheaderMax),
    bodySv: long,
    bodyEn: long,
  };
}
