import type { TFunction } from 'i18next';
import { z } from 'zod';

/** A translation function (i18next's `t`): the schemas' messages come from the i18n files. */
export type Translate = TFunction;

const MARKUP = /[<>]/;

/** The API's rules for names (MemberRules.IsPersonName): given, at most 100 characters, no markup. */
export function personName(t: Translate) {
  return z
    .string()
    .refine((name) => name.trim() !== '', t('validation.name'))
    .refine((name) => name.trim().length <= 100, t('validation.tooLong', { max: 100 }))
    .refine((name) => !MARKUP.test(name), t('validation.nameMarkup'));
}

/** Optional free text: at most `max` characters once trimmed, no markup (the API's IsOptionalText). */
export function optionalText(t: Translate, max: number) {
  return z
    .string()
    .refine((text) => text.trim().length <= max, t('validation.tooLong', { max }))
    .refine((text) => !MARKUP.test(text), t('validation.markup'));
}

/**
 * An e-mail address as the API takes one (MemberRules.IsEmail): one address, no display name, a
 * domain with a dot, at most 320 characters.
 */
export function isEmailAddress(text: string): boolean {
  const email = text.trim();
  return email.length <= 320 && /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/.test(email);
}

/** True for text with markup characters, which the API refuses in names and free text. */
export function hasMarkup(text: string): boolean {
  return MARKUP.test(text);
}
