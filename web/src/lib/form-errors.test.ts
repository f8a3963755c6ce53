import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  applyServerErrors,
  fieldRoutes,
  messagesAt,
  placeServerErrors,
  showsSummary,
  toFieldPath,
  useFormFailure,
  type FieldRoute,
  type FormFailure,
  type ServerErrorOptions,
} from './form-errors';
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

interface HookProps {
  error: unknown;
  fields: readonly FieldRoute[];
  options?: ServerErrorOptions;
}

describe('useFormFailure', () => {
  /** The problem body a mutation's error may be (toProblem reads it as it is). */
  const body = (errors: Record<string, string[]>) => ({ type: ProblemTypes.validationFailed, status: 400, title: 'Validation failed', errors });

  function setup(fields: readonly FieldRoute[] = ['email'], options?: ServerErrorOptions) {
    const setError = vi.fn();
    const hook = renderHook(
      ({ error, fields: routes, options: given }: HookProps) => useFormFailure(error, setError, routes, given),
      { initialProps: { error: null, fields, options } as HookProps },
    );
    return { setError, ...hook };
  }

  it('has no failure before the first one', () => {
    const { result, setError } = setup();
    expect(result.current.failure).toBeNull();
    expect(setError).not.toHaveBeenCalled();
  });

  it('places each new server error once and counts it as an attempt', () => {
    const { result, rerender, setError } = setup();
    const first = body({ email: ['Taken.'], other: ['Not yours.'] });
    rerender({ error: first, fields: ['email'] });
    expect(setError).toHaveBeenCalledTimes(1);
    expect(setError).toHaveBeenCalledWith('email', { type: 'server', message: 'Taken.' });
    expect(result.current.failure).toMatchObject({ attempt: 1, formMessages: ['Not yours.'] });
    expect(result.current.failure?.problem?.kind).toBe('validation');

    // The same error with other routes (a new render, another language) is not placed again.
    rerender({ error: first, fields: ['email', 'other'] });
    expect(setError).toHaveBeenCalledTimes(1);
    expect(result.current.failure?.attempt).toBe(1);

    // A new error is placed with the routes as they are now.
    rerender({ error: body({ other: ['Still not yours.'] }), fields: ['email', 'other'] });
    expect(setError).toHaveBeenCalledTimes(2);
    expect(setError).toHaveBeenLastCalledWith('other', { type: 'server', message: 'Still not yours.' });
    expect(result.current.failure).toMatchObject({ attempt: 2, formMessages: [] });
  });

  it('passes the conflict options on', () => {
    const { rerender, setError } = setup(['code'], { conflictField: 'code', conflictMessage: 'The code is taken.' });
    rerender({
      error: { type: ProblemTypes.conflict, status: 409, title: 'Conflict', detail: 'Duplicate' },
      fields: ['code'],
      options: { conflictField: 'code', conflictMessage: 'The code is taken.' },
    });
    expect(setError).toHaveBeenCalledWith('code', { type: 'server', message: 'The code is taken.' });
  });

  it('counts a submission the form’s own rules refused, with no problem', () => {
    const { result, rerender } = setup();
    rerender({ error: body({ other: ['Not yours.'] }), fields: ['email'] });
    act(() => result.current.refuse());
    expect(result.current.failure).toEqual({ attempt: 2, problem: null, formMessages: [] });
    act(() => result.current.refuse());
    expect(result.current.failure?.attempt).toBe(3);
  });

  it('clears the failure for a new submission, and counts from one again', () => {
    const { result } = setup();
    act(() => result.current.refuse());
    act(() => result.current.clear());
    expect(result.current.failure).toBeNull();
    act(() => result.current.refuse());
    expect(result.current.failure?.attempt).toBe(1);
  });

  it('places an error it is given by the form (a mutation’s onError)', () => {
    const { result, setError } = setup();
    act(() => result.current.fail(body({ email: ['Taken.'] })));
    expect(setError).toHaveBeenCalledWith('email', { type: 'server', message: 'Taken.' });
    expect(result.current.failure).toMatchObject({ attempt: 1, formMessages: [] });
  });
});

describe('showsSummary', () => {
  const failure = (problem: Problem | null, formMessages: string[] = []): FormFailure => ({ attempt: 1, problem, formMessages });

  it('shows nothing before a failure', () => {
    expect(showsSummary(null, ['Required.'])).toBe(false);
  });

  it('shows the summary while a field has a message or the server sent messages for no field', () => {
    expect(showsSummary(failure(null), ['Required.'])).toBe(true);
    expect(showsSummary(failure(validation({})), [])).toBe(false);
    expect(showsSummary(failure(validation({ other: ['Not yours.'] }), ['Not yours.']), [])).toBe(true);
  });

  it('shows a problem that is not about the fields', () => {
    expect(showsSummary(failure(toProblem(new TypeError('Failed to fetch'))), [])).toBe(true);
  });
});
