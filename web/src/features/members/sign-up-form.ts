import type { ConsentChannel, SignUpRequest } from '../../api/generated';
import type { Problem } from '../../lib/problem-details';
import { CONSENT_CHANNELS } from './options';
import { STUDY_FIELDS, toAffiliationInput, type StudyField, type StudyValues } from './study-form';

/** The sign-up form as the page holds it. */
export interface SignUpValues {
  firstName: string;
  lastName: string;
  email: string;
  preferredLanguage: 'sv' | 'en';
  studies: StudyValues[];
  consents: ConsentChannel[];
  confirmsCredits: boolean;
}

/** Top-level fields of the sign-up, named as the API names them. */
export const SIGN_UP_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'preferredLanguage',
  'affiliations',
  'consents',
  'confirmsCredits',
  'campaignToken',
] as const;
export type SignUpField = (typeof SIGN_UP_FIELDS)[number];

/** A study's messages: per field, and `study` for the study as a whole (`affiliations[i]`). */
export type StudyErrors = Partial<Record<StudyField | 'study', string[]>>;

/** The messages of a failed sign-up, placed where they belong on the form. */
export interface SignUpErrors {
  fields: Partial<Record<SignUpField, string[]>>;
  /** By the index of the study on the form (the API's `affiliations[i]`). */
  studies: StudyErrors[];
  /** Messages that belong to no field. */
  form: string[];
}

/** The sign-up request: names and address trimmed, consents in a stable order, the invitation's token if any. */
export function toSignUpRequest(values: SignUpValues, campaignToken?: string): SignUpRequest {
  const chosen = new Set(values.consents);
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    email: values.email.trim(),
    preferredLanguage: values.preferredLanguage,
    affiliations: values.studies.map(toAffiliationInput),
    consents: CONSENT_CHANNELS.filter((channel) => chosen.has(channel)),
    confirmsCredits: values.confirmsCredits,
    campaignToken: campaignToken?.trim() || undefined,
  };
}

/**
 * A server error key in the API's form: camelCase segments, no JSON-path or body prefix. Also
 * accepts `$.Affiliations[0].Credits` or `request.affiliations[0].credits`.
 */
export function normaliseErrorKey(key: string): string {
  const bare = key
    .trim()
    .replace(/^\$\.?/, '')
    .replace(/^(body|request)\./i, '');
  return bare
    .split('.')
    .map((segment) => (segment ? segment[0].toLowerCase() + segment.slice(1) : segment))
    .join('.');
}

function studyField(name: string): StudyField | undefined {
  const wanted = name.toLowerCase();
  return STUDY_FIELDS.find((field) => field.toLowerCase() === wanted);
}

function signUpField(name: string): SignUpField | undefined {
  const wanted = name.toLowerCase();
  return SIGN_UP_FIELDS.find((field) => field.toLowerCase() === wanted);
}

/**
 * Places the messages of a sign-up problem on the form: `firstName` on the first name,
 * `affiliations[1].credits` on the second study's credits, `affiliations[1]` on that study as a whole,
 * `affiliations` on the studies, `consents[0]` on the consents; anything else at the top of the form.
 * A study index the form does not have (any more) goes to the studies as a whole.
 */
export function toSignUpErrors(problem: Problem, studyCount: number): SignUpErrors {
  const result: SignUpErrors = { fields: {}, studies: Array.from({ length: studyCount }, () => ({})), form: [] };
  const addField = (field: SignUpField, messages: string[]) => {
    result.fields[field] = [...(result.fields[field] ?? []), ...messages];
  };
  for (const [rawKey, messages] of Object.entries(problem.errors)) {
    if (messages.length === 0) continue;
    const key = normaliseErrorKey(rawKey);
    const nested = /^affiliations\[(\d+)\](?:\.(\w+))?$/i.exec(key);
    if (nested) {
      const index = Number(nested[1]);
      const field = nested[2] ? studyField(nested[2]) : undefined;
      if (index >= studyCount) {
        addField('affiliations', messages);
        continue;
      }
      const slot: StudyField | 'study' = field ?? 'study';
      const study = result.studies[index];
      study[slot] = [...(study[slot] ?? []), ...messages];
      continue;
    }
    const indexed = /^(\w+)\[\d+\]$/.exec(key);
    const field = signUpField(indexed ? indexed[1] : key);
    if (field) addField(field, messages);
    else result.form.push(...messages);
  }
  return result;
}

/** True when there is any message to show. */
export function hasSignUpErrors(errors: SignUpErrors): boolean {
  return (
    errors.form.length > 0 ||
    Object.values(errors.fields).some((m) => !!m && m.length > 0) ||
    errors.studies.some((study) => Object.values(study).some((m) => !!m && m.length > 0))
  );
}

/**
 * Where the sign-up's verification step is remembered for this tab (sessionStorage, until the code
 * expires), so the person can read their mail and come back to enter the code. Apart from the sign-in
 * page's own step.
 */
export const JOIN_VERIFICATION_KEY = 'alumni.join.pending';
