import type { ConsentChannel, SignUpRequest } from '../../api/generated';
import { z } from 'zod';
import { fieldRoutes, type FieldResolver } from '../../lib/form-errors';
import { LANGUAGES } from '../../lib/i18n';
import { CONSENT_CHANNELS } from './options';
import { emailAddress, personName, type Translate } from '../../lib/text-rules';
import { readCredits, STUDY_FIELDS, studySchema, toAffiliationInput, type StudyValues } from './study-form';

/** The sign-up form as the page holds it. */
export interface SignUpValues {
  firstName: string;
  lastName: string;
  email: string;
  preferredLanguage: 'sv' | 'en';
  affiliations: StudyValues[];
  consents: ConsentChannel[];
  confirmsCredits: boolean;
}

/** The sign-up request: names and address trimmed, consents in a stable order, the invitation's token if any. */
export function toSignUpRequest(values: SignUpValues, campaignToken?: string): SignUpRequest {
  const chosen = new Set(values.consents);
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    email: values.email.trim(),
    preferredLanguage: values.preferredLanguage,
    affiliations: values.affiliations.map(toAffiliationInput),
    consents: CONSENT_CHANNELS.filter((channel) => chosen.has(channel)),
    confirmsCredits: values.confirmsCredits,
    campaignToken: campaignToken?.trim() || undefined,
  };
}

export const SIGN_UP_RULES = { maxStudies: 20, eligibleCredits: 1 } as const;

/**
 * The sign-up's rules, as the API's validator (SignUp.Validator) has them: names, a valid address,
 * sv or en, one to 20 studies (each by studySchema) with at least 1 hp in total, and the credits
 * confirmed. All of them are checked at once, so an empty form shows every missing field in one go.
 */
export function signUpSchema(t: Translate, thisYear?: number) {
  return z.object({
    firstName: personName(t),
    lastName: personName(t),
    email: emailAddress(t),
    preferredLanguage: z.enum(LANGUAGES, { error: t('validation.language') }),
    affiliations: z.array(studySchema(t, thisYear)).superRefine((studies, ctx) => {
      // Messages about the studies as a whole: `affiliations.root`, as react-hook-form has it for a list.
      const issue = (message: string) => ctx.addIssue({ code: 'custom', path: ['root'], message });
      if (studies.length === 0) issue(t('validation.studiesRequired'));
      else if (studies.length > SIGN_UP_RULES.maxStudies) issue(t('validation.studiesMax', { max: SIGN_UP_RULES.maxStudies }));
      else {
        const credits = studies.map((study) => readCredits(study.credits));
        // Only once every study's credits can be read; until then the studies' own messages speak.
        if (credits.every((c) => c !== undefined && !Number.isNaN(c) && c >= 0)) {
          const total = credits.reduce<number>((sum, c) => sum + (c ?? 0), 0);
          if (total < SIGN_UP_RULES.eligibleCredits) issue(t('validation.eligible'));
        }
      }
    }),
    consents: z.array(z.enum(CONSENT_CHANNELS)),
    confirmsCredits: z.boolean().refine((confirmed) => confirmed, t('validation.confirmsCredits')),
  }) satisfies z.ZodType<SignUpValues, SignUpValues>;
}

/**
 * Where the server's messages go on the sign-up form: each field by its name, `affiliations[1].credits`
 * on the second study's credits, `affiliations` on the studies as a whole, `affiliations[1]` on that
 * study and `consents[0]` on the consents. A study the form does not have (any more) and anything else
 * (such as an invitation token that is not valid) go to the error summary.
 */
export function signUpFieldResolver(studyCount: number): FieldResolver {
  const routes = fieldRoutes(
    'firstName',
    'lastName',
    'email',
    'preferredLanguage',
    ['affiliations', 'affiliations.root'],
    ['affiliations.#', 'affiliations.#.root'],
    ...STUDY_FIELDS.map((field) => `affiliations.#.${field}`),
    'consents',
    ['consents.#', 'consents'],
    'confirmsCredits',
  );
  return (path) => {
    const study = /^affiliations\.(\d+)(\.|$)/i.exec(path);
    if (study && Number(study[1]) >= studyCount) return undefined;
    return routes(path);
  };
}

/**
 * Where the sign-up's verification step is remembered for this tab (sessionStorage, until the code
 * expires), so the person can read their mail and come back to enter the code. Apart from the sign-in
 * page's own step.
 */
export const JOIN_VERIFICATION_KEY = 'alumni.join.pending';
