import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { createI18n } from '../../lib/i18n';
import { isEmailAddress } from '../../lib/text-rules';
import { signUpFieldResolver, signUpSchema, toSignUpRequest, type SignUpValues } from './sign-up-form';
import { emptyStudy, readCredits, readYear, studySchema, toAffiliationInput } from './study-form';

let t: TFunction;
beforeAll(async () => {
  const i18n = createI18n({ storage: null, document: null });
  await i18n.changeLanguage('en');
  t = i18n.t;
});

/** The messages of a failed parse, by form path. */
function issues(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
}

const values: SignUpValues = {
  firstName: '  Ada ',
  lastName: ' Lovelace',
  email: ' ada@example.org ',
  preferredLanguage: 'en',
  affiliations: [
    { departmentCode: 'DSV', programme: ' Computer science ', degreeType: 'master', startYear: '2015', endYear: ' 2017', credits: '120' },
    { departmentCode: 'ENG', programme: '', degreeType: 'none', startYear: '', endYear: '', credits: '7,5' },
  ],
  consents: ['eventInvitations', 'centralNewsletter'],
  confirmsCredits: true,
};

describe('signUpSchema', () => {
  const empty: SignUpValues = {
    firstName: '',
    lastName: '',
    email: '',
    preferredLanguage: 'sv',
    affiliations: [emptyStudy()],
    consents: [],
    confirmsCredits: false,
  };

  it('flags every missing field of an empty sign-up at once', () => {
    expect(issues(signUpSchema(t, 2026).safeParse(empty))).toEqual({
      firstName: 'Enter a name.',
      lastName: 'Enter a name.',
      email: 'Enter a valid e-mail address, like name@example.org.',
      'affiliations.0.departmentCode': 'Choose a department.',
      'affiliations.0.degreeType': 'Choose a degree (or “Courses without a degree”).',
      'affiliations.0.credits': 'Enter your credits, e.g. 180 or 7,5.',
      confirmsCredits: 'Confirm that you have earned at least 1 hp at the university.',
    });
  });

  it('takes a complete sign-up', () => {
    expect(signUpSchema(t, 2026).safeParse(values).success).toBe(true);
  });

  it('holds names, studies and credits to the API’s rules', () => {
    const result = signUpSchema(t, 2026).safeParse({
      ...values,
      firstName: 'x'.repeat(101),
      lastName: '<b>Lovelace</b>',
      affiliations: [
        { ...emptyStudy('DSV'), degreeType: 'master', startYear: '2019', endYear: '2018', credits: '-1' },
        { ...emptyStudy('ENG'), degreeType: 'none', startYear: '1899', endYear: '2037', credits: '1001', programme: 'a<b' },
        { ...emptyStudy('ENG'), degreeType: 'none', startYear: '19', credits: 'lots' },
      ],
    });
    expect(issues(result)).toEqual({
      firstName: 'Use at most 100 characters.',
      lastName: 'Names cannot contain < or >.',
      'affiliations.0.endYear': 'The end year cannot be before the start year.',
      'affiliations.0.credits': 'Credits cannot be negative.',
      'affiliations.1.programme': 'Cannot contain < or >.',
      'affiliations.1.startYear': 'A year from 1900 to 2027.',
      'affiliations.1.endYear': 'A year from 1900 to 2036.',
      'affiliations.1.credits': 'At most 1000 credits.',
      'affiliations.2.startYear': 'Enter a year with four digits, e.g. 2019.',
      'affiliations.2.credits': 'Enter a number, e.g. 180 or 7,5.',
    });
  });

  it('wants at least 1 hp in total, and one to 20 studies', () => {
    const study = { ...emptyStudy('DSV'), degreeType: 'exchange' as const, credits: '0,5' };
    const schema = signUpSchema(t, 2026);
    expect(issues(schema.safeParse({ ...values, affiliations: [study] }))).toEqual({
      'affiliations.root': 'Alumni have earned at least 1 hp at the university in total.',
    });
    expect(schema.safeParse({ ...values, affiliations: [study, study] }).success).toBe(true);
    expect(issues(schema.safeParse({ ...values, affiliations: [] }))).toEqual({ 'affiliations.root': 'Tell us what you studied here.' });
    expect(issues(schema.safeParse({ ...values, affiliations: Array(21).fill(study) }))).toEqual({
      'affiliations.root': 'At most 20 studies.',
    });
  });

  it('says it in Swedish in a Swedish UI', async () => {
    const i18n = createI18n({ storage: null, document: null });
    await i18n.changeLanguage('sv');
    expect(issues(signUpSchema(i18n.t, 2026).safeParse(empty))).toMatchObject({
      firstName: 'Ange ett namn.',
      'affiliations.0.departmentCode': 'Välj en institution.',
      confirmsCredits: 'Bekräfta att du har tagit minst 1 hp vid universitetet.',
    });
  });
});

describe('isEmailAddress', () => {
  it('takes one plain address with a dotted domain', () => {
    expect(isEmailAddress(' ada@example.org ')).toBe(true);
    expect(isEmailAddress('a.b+c@mail.su.se')).toBe(true);
    for (const text of ['', 'ada', 'ada@example', 'ada@@example.org', 'Ada <ada@example.org>', 'a b@example.org', `${'a'.repeat(320)}@x.se`]) {
      expect(isEmailAddress(text)).toBe(false);
    }
  });
});

describe('signUpFieldResolver', () => {
  it('places the server’s keys on the sign-up form', () => {
    const resolve = signUpFieldResolver(2);
    expect(resolve('affiliations.1.credits')).toBe('affiliations.1.credits');
    expect(resolve('affiliations.0.departmentCode')).toBe('affiliations.0.departmentCode');
    expect(resolve('affiliations.1')).toBe('affiliations.1.root');
    expect(resolve('affiliations')).toBe('affiliations.root');
    expect(resolve('consents.2')).toBe('consents');
    expect(resolve('firstName')).toBe('firstName');
  });

  it('leaves studies the form does not have, unknown fields and the invitation token to the summary', () => {
    const resolve = signUpFieldResolver(1);
    expect(resolve('affiliations.1.credits')).toBeUndefined();
    expect(resolve('affiliations.0.colour')).toBeUndefined();
    expect(resolve('campaignToken')).toBeUndefined();
  });
});

describe('toSignUpRequest', () => {
  it('trims, reads the studies, orders the consents and carries the invitation token', () => {
    expect(toSignUpRequest(values, ' abc123 ')).toEqual({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.org',
      preferredLanguage: 'en',
      affiliations: [
        { departmentCode: 'DSV', programme: 'Computer science', degreeType: 'master', startYear: 2015, endYear: 2017, credits: 120 },
        { departmentCode: 'ENG', programme: undefined, degreeType: 'none', startYear: undefined, endYear: undefined, credits: 7.5 },
      ],
      consents: ['centralNewsletter', 'eventInvitations'],
      confirmsCredits: true,
      campaignToken: 'abc123',
    });
  });

  it('leaves the token out without an invitation', () => {
    expect(toSignUpRequest(values).campaignToken).toBeUndefined();
    expect(toSignUpRequest(values, '  ').campaignToken).toBeUndefined();
  });
});

describe('study input', () => {
  it('reads years and credits the way people type them', () => {
    expect(readYear('')).toBeUndefined();
    expect(readYear(' 2019 ')).toBe(2019);
    expect(readYear('19')).toBeNaN();
    expect(readCredits('7,5')).toBe(7.5);
    expect(readCredits(' 1 000 ')).toBe(1000);
    expect(readCredits('-5')).toBe(-5);
    expect(readCredits('lots')).toBeNaN();
    expect(readCredits('')).toBeUndefined();
  });

  it('holds a study to the API’s rules on its own', () => {
    expect(issues(studySchema(t, 2026).safeParse({ ...emptyStudy('DSV'), degreeType: 'bachelor', credits: '180' }))).toEqual({});
    expect(issues(studySchema(t, 2026).safeParse(emptyStudy('DSV')))).toEqual({
      degreeType: 'Choose a degree (or “Courses without a degree”).',
      credits: 'Enter your credits, e.g. 180 or 7,5.',
    });
  });

  it('sends missing credits as 0, for the server to judge', () => {
    expect(toAffiliationInput({ ...emptyStudy('DSV'), degreeType: 'exchange' }).credits).toBe(0);
  });
});
