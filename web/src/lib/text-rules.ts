import type { TFunction } from 'i18next';
import { z } from 'zod';

/**
 * The API's rules for text people write (TextRules.cs), as zod schemas for the forms. The messages
 * come from the i18n files (section `validation`), so they follow the UI language.
 */

/** A translation function (i18next's `t`): the schemas' messages come from the i18n files. */
export type Translate = TFunction;

const MARKUP = /[<>]/;

/** The API's limits (TextRules): a person's name, any other name, an e-mail address. */
export const TEXT_RULES = { personNameMax: 100, nameMax: 200, emailMax: 320 } as const;

/** The API's pattern of a code (of a department, a faculty): TextRules.CodePattern. */
export const CODE_PATTERN = /^[A-Z][A-Z0-9-]{1,15}$/;

/** A name (TextRules.IsName): given, at most `max` characters once trimmed, no markup. */
export function name(t: Translate, max: number = TEXT_RULES.nameMax) {
  return z
    .string()
    .refine((text) => text.trim() !== '', t('validation.name'))
    .refine((text) => text.trim().length <= max, t('validation.tooLong', { max }))
    .refine((text) => !MARKUP.test(text), t('validation.nameMarkup'));
}

/** The API's rules for names of people (TextRules.IsPersonName): a name of at most 100 characters. */
export function personName(t: Translate) {
  return name(t, TEXT_RULES.personNameMax);
}

/** An optional name (a display name): at most `max` characters once trimmed, no markup. */
export function optionalName(t: Translate, max: number = TEXT_RULES.nameMax) {
  return z
    .string()
    .refine((text) => text.trim().length <= max, t('validation.tooLong', { max }))
    .refine((text) => !MARKUP.test(text), t('validation.nameMarkup'));
}

/** Optional free text: at most `max` characters once trimmed, no markup (the API's IsOptionalText). */
export function optionalText(t: Translate, max: number) {
  return z
    .string()
    .refine((text) => text.trim().length <= max, t('validation.tooLong', { max }))
    .refine((text) => !MARKUP.test(text), t('validation.markup'));
}

/** A code (TextRules.IsCode): given, then 2–16 characters, an upper-case letter first, then upper-case letters, digits or hyphens. */
export function code(t: Translate) {
  return z
    .string()
    .refine((text) => text.trim() !== '', t('validation.codeRequired'))
    .refine((text) => text.trim() === '' || CODE_PATTERN.test(text.trim()), t('validation.code'));
}

/**
 * An e-mail address as the API takes one (TextRules.IsEmailAddress): one address, no display name,
 * a domain with a dot, at most 320 characters.
 */
export function isEmailAddress(text: string): boolean {
  const email = text.trim();
  return email.length <= TEXT_RULES.emailMax && /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/.test(email);
}

/** A required e-mail address (TextRules.IsEmail). */
export function emailAddress(t: Translate) {
  return z.string().refine(isEmailAddress, t('validation.email'));
}

/** True for text with markup characters, which the API refuses in names and free text. */
export function hasMarkup(text: string): boolean {
  return MARKUP.test(text);
}
