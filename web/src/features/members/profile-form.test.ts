import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../lib/i18n';
import { profileSchema, type ProfileValues } from './profile-form';

let t: TFunction;
beforeAll(async () => {
  const i18n = createI18n({ storage: null, document: null });
  await i18n.changeLanguage('en');
  t = i18n.t;
});

const values: ProfileValues = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  preferredLanguage: 'en',
  otherEmails: 'ada@work.example.org',
  country: 'se',
  city: 'Stockholm',
  employer: '',
  jobTitle: '',
  industry: '',
  linkedInUrl: 'https://www.linkedin.com/in/ada-lovelace',
  bio: '',
  interests: 'maths, engines',
  offers: ['mentor'],
  directoryListed: true,
  directoryFields: ['email'],
};

function messages(input: ProfileValues): Record<string, string> {
  const result = profileSchema(t).safeParse(input);
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
}

describe('profileSchema', () => {
  it('takes a valid profile, optional fields left empty', () => {
    expect(messages(values)).toEqual({});
    expect(messages({ ...values, otherEmails: '', country: '', linkedInUrl: '', interests: '' })).toEqual({});
  });

  it('holds each field to the API’s rules, all at once', () => {
    expect(
      messages({
        ...values,
        firstName: ' ',
        preferredLanguage: 'de',
        otherEmails: 'fine@example.org\nnot-an-address',
        country: 'S1',
        city: 'x'.repeat(101),
        employer: '<b>Acme</b>',
        linkedInUrl: 'https://example.org/ada',
        interests: `maths, ${'x'.repeat(51)}`,
      }),
    ).toEqual({
      firstName: 'Enter a name.',
      preferredLanguage: 'Choose Swedish or English.',
      otherEmails: 'Enter a valid e-mail address, like name@example.org.',
      country: 'Choose a country from the list.',
      city: 'Use at most 100 characters.',
      employer: 'Cannot contain < or >.',
      linkedInUrl: 'Use the address of a LinkedIn profile, like https://www.linkedin.com/in/your-name.',
      interests: 'Each interest: 1–50 characters, no < or >.',
    });
  });

  it('counts the listed addresses and interests', () => {
    const six = Array.from({ length: 6 }, (_, i) => `a${i}@example.org`).join('\n');
    const many = Array.from({ length: 21 }, (_, i) => `tag${i}`).join(', ');
    expect(messages({ ...values, otherEmails: six, interests: many })).toEqual({
      otherEmails: 'At most 5 other addresses.',
      interests: 'At most 20 interests.',
    });
  });
});
