import { describe, expect, it, vi } from 'vitest';
import { applyServerErrors, fieldRoutes, messagesAt, placeServerErrors, toFieldPath } from './form-errors';
import { ProblemTypes, toProblem, type Problem } from './problem-details';

function validation(errors: Record<string, string[]>): Problem {
  return toProblem({ type: ProblemTypes.validationFailed, status: 400, title: 'Validation failed', errors });
}

describe('toFieldPath', () => {
  it('turns the API’s list indexes into form path segments', () => {
    expect(toFieldPath('affiliations[1].credits')).toBe('affiliations.1.credits');
    expect(toFieldPath('consents[0]')).toBe('consents.0');
    expect(toFieldPath('firstName')).toBe('firstName');
  });

  it('drops JSON-path and body prefixes and reads PascalCase', () => {
    expect(toFieldPath('$.Affiliations[10].DepartmentCode')).toBe('affiliations.10.departmentCode');
    expect(toFieldPath('request.NameSv')).toBe('nameSv');
    expect(toFieldPath('body.email')).toBe('email');
    expect(toFieldPath('')).toBe('');
  });
});

describe('fieldRoutes', () => {
  const resolve = fieldRoutes('firstName', 'affiliations.#.credits', ['affiliations', 'affiliations.root'], ['consents.#', 'consents']);

  it('finds a field in any letter case, and a list item by its index', () => {
    expect(resolve('firstname')).toBe('firstName');
    expect(resolve('affiliations.1.credits')).toBe('affiliations.1.credits');
    expect(resolve('affiliations.12.Credits')).toBe('affiliations.12.credits');
  });

  it('sends a path to its route’s target', () => {
    expect(resolve('affiliations')).toBe('affiliations.root');
    expect(resolve('consents.3')).toBe('consents');
  });

  it('knows nothing else', () => {
    expect(resolve('affiliations.x.credits')).toBeUndefined();
    expect(resolve('affiliations.1.colour')).toBeUndefined();
    expect(resolve('lastName')).toBeUndefined();
    expect(resolve('consents')).toBeUndefined();
  });
});

describe('placeServerErrors', () => {
  const FIELDS = ['code', 'nameSv', 'nameEn', 'facultyCode'] as const;

  it('places the messages of known fields and keeps the rest for the form', () => {
    const placed = placeServerErrors(
      validation({ nameSv: ['Name in Swedish is required.'], NameSv: ['Too long.'], '': ['The body is not valid JSON.'], ifMatch: ['Odd.'] }),
      FIELDS,
    );
    expect(placed.fields).toEqual({ nameSv: ['Name in Swedish is required.', 'Too long.'] });
    expect(placed.form).toEqual(['The body is not valid JSON.', 'Odd.']);
  });

  it('puts a conflict without field messages on the named field, in the UI’s words when given', () => {
    const conflict = toProblem({ type: ProblemTypes.conflict, status: 409, title: 'Conflict', detail: "A department with code 'ENG' exists." });
    expect(placeServerErrors(conflict, FIELDS, { conflictField: 'code' }).fields).toEqual({ code: ["A department with code 'ENG' exists."] });
    const worded = placeServerErrors(conflict, FIELDS, { conflictField: 'code', conflictMessage: 'Koden används redan.' });
    expect(worded).toEqual({ fields: { code: ['Koden används redan.'] }, form: [] });
    const withFields = toProblem({ type: ProblemTypes.conflict, status: 409, title: 'Conflict', errors: { nameEn: ['Taken.'] } });
    expect(placeServerErrors(withFields, FIELDS, { conflictField: 'code' }).fields).toEqual({ nameEn: ['Taken.'] });
  });

  it('places nothing for problems that are not about fields', () => {
    for (const error of [new TypeError('Failed to fetch'), { type: ProblemTypes.internalError, status: 500, title: 'Oops' }]) {
      expect(placeServerErrors(toProblem(error), FIELDS, { conflictField: 'code' })).toEqual({ fields: {}, form: [] });
    }
  });
});

describe('applyServerErrors', () => {
  it('sets each field’s messages on its react-hook-form path and returns the unmapped ones', () => {
    const setError = vi.fn();
    const resolve = fieldRoutes('firstName', 'affiliations.#.credits');
    const unmapped = applyServerErrors(
      validation({
        'affiliations[1].credits': ['Credits cannot be negative.', 'At most 1000 credits.'],
        firstName: ['Enter a name.'],
        campaignToken: ['This invitation link is not valid.'],
      }),
      setError,
      resolve,
    );
    expect(setError.mock.calls).toEqual([
      ['affiliations.1.credits', { type: 'server', message: 'Credits cannot be negative. At most 1000 credits.' }],
      ['firstName', { type: 'server', message: 'Enter a name.' }],
    ]);
    expect(unmapped).toEqual(['This invitation link is not valid.']);
  });
});

describe('messagesAt', () => {
  it('reads a nested field’s message, and nothing where there is none', () => {
    const errors = { affiliations: [undefined, { credits: { type: 'server', message: 'Too many.' } }], firstName: { type: 'x', message: '' } };
    expect(messagesAt(errors, 'affiliations.1.credits')).toEqual(['Too many.']);
    expect(messagesAt(errors, 'affiliations.0.credits')).toEqual([]);
    expect(messagesAt(errors, 'affiliations')).toEqual([]);
    expect(messagesAt(errors, 'firstName')).toEqual([]);
  });
});
