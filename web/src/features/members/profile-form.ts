import type { DirectoryField, MemberOffer, MemberResponse, ProfileInput } from '../../api/generated';
import { z } from 'zod';
import { isCountryCode } from '../../lib/countries';
import { isLanguage } from '../../lib/i18n';
import { hasMarkup, isEmailAddress, optionalText, personName, type Translate } from '../../lib/text-rules';
import { DIRECTORY_FIELDS, isOneOf, MEMBER_OFFERS } from './options';

/** The profile form as it holds the values: lists as text, the way people type them. */
export interface ProfileValues {
  firstName: string;
  lastName: string;
  preferredLanguage: string;
  /** One address per line (commas and semicolons also separate). */
  otherEmails: string;
  country: string;
  city: string;
  employer: string;
  jobTitle: string;
  industry: string;
  linkedInUrl: string;
  bio: string;
  /** Comma-separated tags. */
  interests: string;
  offers: MemberOffer[];
  directoryListed: boolean;
  directoryFields: DirectoryField[];
}

/** The profile's text fields, named as the API names them (its errors are keyed by these). */
export const PROFILE_TEXT_FIELDS = [
  'firstName',
  'lastName',
  'otherEmails',
  'country',
  'city',
  'employer',
  'jobTitle',
  'industry',
  'linkedInUrl',
  'bio',
  'interests',
] as const;

export const PROFILE_FIELDS = [
  ...PROFILE_TEXT_FIELDS,
  'preferredLanguage',
  'offers',
  'directoryListed',
  'directoryFields',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export function profileValuesOf(member: MemberResponse): ProfileValues {
  return {
    firstName: member.firstName ?? '',
    lastName: member.lastName ?? '',
    preferredLanguage: member.preferredLanguage || 'sv',
    otherEmails: (member.otherEmails ?? []).join('\n'),
    country: member.country ?? '',
    city: member.city ?? '',
    employer: member.employer ?? '',
    jobTitle: member.jobTitle ?? '',
    industry: member.industry ?? '',
    linkedInUrl: member.linkedInUrl ?? '',
    bio: member.bio ?? '',
    interests: (member.interests ?? []).join(', '),
    offers: MEMBER_OFFERS.filter((offer) => member.offers?.includes(offer)),
    directoryListed: member.directoryListed,
    directoryFields: DIRECTORY_FIELDS.filter((field) => member.directoryFields?.includes(field)),
  };
}

/** Splits typed list text into its items: trimmed, empty ones and repeats dropped. */
export function splitList(text: string, separators: RegExp): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const part of text.split(separators)) {
    const item = part.trim();
    if (!item || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    items.push(item);
  }
  return items;
}

const optional = (text: string): string | undefined => text.trim() || undefined;

/** The profile as the API takes it (a member's own, or staff's change on request). */
export function toProfileInput(values: ProfileValues): ProfileInput {
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    preferredLanguage: values.preferredLanguage,
    otherEmails: splitList(values.otherEmails, /[\n,;]+/),
    country: optional(values.country)?.toUpperCase(),
    city: optional(values.city),
    employer: optional(values.employer),
    jobTitle: optional(values.jobTitle),
    industry: optional(values.industry),
    linkedInUrl: optional(values.linkedInUrl),
    bio: optional(values.bio),
    interests: splitList(values.interests, /[,\n]+/),
    offers: MEMBER_OFFERS.filter((offer) => values.offers.includes(offer)),
    directoryListed: values.directoryListed,
    directoryFields: DIRECTORY_FIELDS.filter((field) => values.directoryFields.includes(field)),
  };
}

export { isOneOf };

/** The API's limits on a profile (MemberRules). */
export const PROFILE_RULES = { maxOtherEmails: 5, maxInterests: 20, interestMax: 50 } as const;

const LINKED_IN = /^https:\/\/([a-z]{2,3}\.)?linkedin\.com\/(in|pub)\/[A-Za-z0-9\-_%]{2,100}\/?$/;

/**
 * The profile's rules, as the API's ProfileValidator has them, on the values as typed: names, sv or
 * en, up to 5 other valid addresses, a country from the ISO 3166-1 list, a LinkedIn profile address, the
 * lengths of the free texts and up to 20 interests of 1–50 characters.
 */
export function profileSchema(t: Translate) {
  const { maxOtherEmails, maxInterests, interestMax } = PROFILE_RULES;
  return z.object({
    firstName: personName(t),
    lastName: personName(t),
    preferredLanguage: z.string().refine(isLanguage, t('validation.language')),
    otherEmails: z
      .string()
      .refine((text) => splitList(text, /[\n,;]+/).length <= maxOtherEmails, t('validation.otherEmailsMax', { max: maxOtherEmails }))
      .refine((text) => splitList(text, /[\n,;]+/).every(isEmailAddress), t('validation.email')),
    country: z.string().refine((text) => text.trim() === '' || isCountryCode(text), t('validation.country')),
    city: optionalText(t, 100),
    employer: optionalText(t, 200),
    jobTitle: optionalText(t, 200),
    industry: optionalText(t, 100),
    linkedInUrl: z.string().refine((text) => text.trim() === '' || LINKED_IN.test(text.trim()), t('validation.linkedIn')),
    bio: optionalText(t, 2000),
    interests: z
      .string()
      .refine((text) => splitList(text, /[,\n]+/).length <= maxInterests, t('validation.interestsMax', { max: maxInterests }))
      .refine(
        (text) => splitList(text, /[,\n]+/).every((tag) => tag.length <= interestMax && !hasMarkup(tag)),
        t('validation.interest'),
      ),
    offers: z.array(z.enum(MEMBER_OFFERS)),
    directoryListed: z.boolean(),
    directoryFields: z.array(z.enum(DIRECTORY_FIELDS)),
  }) satisfies z.ZodType<ProfileValues, ProfileValues>;
}

/** A profile being edited: the values, the record version they started from (If-Match), and whether touched. */
export interface ProfileDraft {
  base: number;
  values: ProfileValues;
  dirty: boolean;
}

export function freshDraft(member: MemberResponse): ProfileDraft {
  return { base: member.version, values: profileValuesOf(member), dirty: false };
}

/**
 * The draft after the record changed under it. Untouched, it simply shows the new record. Touched, it
 * keeps what the person typed; if the change was the person's own (a consent toggle on the same page,
 * which also sets the directory listing) it moves onto the new version and takes that listing, so the
 * save does not fail on the person's own change. A change made elsewhere keeps the old version: the
 * save then answers 412 and the form is reloaded with the news.
 */
export function rebaseDraft(draft: ProfileDraft, member: MemberResponse, ownChange: boolean): ProfileDraft {
  if (member.version === draft.base) return draft;
  if (!draft.dirty) return freshDraft(member);
  if (!ownChange) return draft;
  return { base: member.version, values: { ...draft.values, directoryListed: member.directoryListed }, dirty: true };
}
