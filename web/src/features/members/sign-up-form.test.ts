import { describe, expect, it } from 'vitest';
import type { Problem } from '../../lib/problem-details';
import { hasSignUpErrors, normaliseErrorKey, toSignUpErrors, toSignUpRequest, type SignUpValues } from './sign-up-form';
import { emptyStudy, readCredits, readYear, studyInputProblems, toAffiliationInput } from './study-form';

function validation(errors: Record<string, string[]>): Problem {
  return { kind: 'validation', type: 'urn:alumni:problem:validation-failed', title: 'Validation failed', status: 400, errors };
}

const values: SignUpValues = {
  firstName: '  Ada ',
  lastName: ' Lovelace',
  email: ' ada@example.org ',
  preferredLanguage: 'en',
  studies: [
    { departmentCode: 'DSV', programme: ' Computer science ', degreeType: 'master', startYear: '2015', endYear: ' 2017', credits: '120' },
    { departmentCode: 'ENG', programme: '', degreeType: 'none', startYear: '', endYear: '', credits: '7,5' },
  ],
  consents: ['eventInvitations', 'centralNewsletter'],
  confirmsCredits: true,
};

describe('toSignUpErrors', () => {
  it('puts nested messages on the study and field they name', () => {
    const errors = toSignUpErrors(
      validation({
        firstName: ['Enter a name.'],
        'affiliations[0].credits': ['Credits cannot be negative.'],
        'affiliations[1].departmentCode': ['No active department has this code.'],
        'affiliations[1].endYear': ['The end year cannot be before the start year.'],
      }),
      2,
    );
    expect(errors.fields).toEqual({ firstName: ['Enter a name.'] });
    expect(errors.studies).toEqual([
      { credits: ['Credits cannot be negative.'] },
      { departmentCode: ['No active department has this code.'], endYear: ['The end year cannot be before the start year.'] },
    ]);
    expect(errors.form).toEqual([]);
  });

  it('reads the studies as a whole, one study as a whole, consents and the confirmation', () => {
    const errors = toSignUpErrors(
      validation({
        affiliations: ['Alumni have earned at least 1 hp at the university in total.'],
        'affiliations[0]': ['This study is listed twice.'],
        'consents[0]': ['This value is not one of the allowed ones.'],
        'consents[2]': ['This value is not one of the allowed ones.'],
        confirmsCredits: ['Confirm that you have earned at least 1 hp at the university.'],
        campaignToken: ['This invitation link is not valid.'],
      }),
      1,
    );
    expect(errors.fields.affiliations).toEqual(['Alumni have earned at least 1 hp at the university in total.']);
    expect(errors.studies[0]).toEqual({ study: ['This study is listed twice.'] });
    expect(errors.fields.consents).toEqual(['This value is not one of the allowed ones.', 'This value is not one of the allowed ones.']);
    expect(errors.fields.confirmsCredits).toHaveLength(1);
    expect(errors.fields.campaignToken).toEqual(['This invitation link is not valid.']);
  });

  it('accepts JSON paths, body prefixes and PascalCase keys', () => {
    const errors = toSignUpErrors(
      validation({
        '$.affiliations[0].degreeType': ['This value is not one of the allowed ones.'],
        'request.Affiliations[0].StartYear': ['A year from 1900 to 2027.'],
        Email: ['Enter a valid e-mail address.'],
      }),
      1,
    );
    expect(errors.studies[0]).toEqual({
      degreeType: ['This value is not one of the allowed ones.'],
      startYear: ['A year from 1900 to 2027.'],
    });
    expect(errors.fields.email).toEqual(['Enter a valid e-mail address.']);
  });

  it('sends a study the form no longer has to the studies as a whole, and unknown keys to the form', () => {
    const errors = toSignUpErrors(
      validation({
        'affiliations[3].credits': ['At most 1000 credits.'],
        'affiliations[0].colour': ['Odd.'],
        serializerErrors: ['The request body is not valid JSON for this operation.'],
      }),
      1,
    );
    expect(errors.fields.affiliations).toEqual(['At most 1000 credits.']);
    expect(errors.studies[0]).toEqual({ study: ['Odd.'] });
    expect(errors.form).toEqual(['The request body is not valid JSON for this operation.']);
  });

  it('finds nothing in a problem without field errors', () => {
    const errors = toSignUpErrors({ kind: 'server', type: 'x', title: 'Boom', status: 500, errors: {} }, 2);
    expect(hasSignUpErrors(errors)).toBe(false);
    expect(errors.studies).toEqual([{}, {}]);
  });
});

describe('normaliseErrorKey', () => {
  it('makes every segment camelCase and drops prefixes', () => {
    expect(normaliseErrorKey('$.Affiliations[1].DepartmentCode')).toBe('affiliations[1].departmentCode');
    expect(normaliseErrorKey('body.firstName')).toBe('firstName');
    expect(normaliseErrorKey('consents[0]')).toBe('consents[0]');
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

  it('names what cannot be sent at all', () => {
    expect(studyInputProblems(emptyStudy('DSV'))).toEqual({ degreeType: 'degree' });
    expect(
      studyInputProblems({ departmentCode: '', programme: '', degreeType: 'bachelor', startYear: '20x5', endYear: '2019', credits: 'many' }),
    ).toEqual({ startYear: 'year', credits: 'credits' });
  });

  it('sends missing credits as 0, for the server to judge', () => {
    expect(toAffiliationInput({ ...emptyStudy('DSV'), degreeType: 'exchange' }).credits).toBe(0);
  });
});
