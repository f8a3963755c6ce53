import type { ConsentChannel, DegreeType, DirectoryField, MemberOffer, MemberStatus } from '../../api/generated';

/** The channels a member consents to, one by one, in the order the forms show them. */
export const CONSENT_CHANNELS = [
  'centralNewsletter',
  'departmentMailings',
  'eventInvitations',
  'directory',
  'contactAboutOffers',
] as const satisfies readonly ConsentChannel[];

/** What a member can offer students and the university. */
export const MEMBER_OFFERS = ['mentor', 'guestLecture', 'studyVisitHost', 'panel'] as const satisfies readonly MemberOffer[];

export const DEGREE_TYPES = [
  'bachelor',
  'master',
  'phD',
  'professional',
  'exchange',
  'none',
] as const satisfies readonly DegreeType[];

/** Profile fields a listed member may show other members in the directory. */
export const DIRECTORY_FIELDS = [
  'email',
  'country',
  'city',
  'employer',
  'jobTitle',
  'industry',
  'linkedInUrl',
  'bio',
  'interests',
  'offers',
  'affiliations',
] as const satisfies readonly DirectoryField[];

export const MEMBER_STATUSES = ['pending', 'active', 'unsubscribed', 'erased'] as const satisfies readonly MemberStatus[];

/** The staff search's orders: by name (A–Ö), newest first, recently changed first. */
export const MEMBER_SORTS = ['name', 'created', 'updated'] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

/** True when `value` is one of `options` (narrowing a string from a form or an address). */
export function isOneOf<T extends string>(options: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value);
}
