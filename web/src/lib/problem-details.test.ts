import { describe, expect, it } from 'vitest';
import { isRetryable, isUnauthorized, problemMessageKey, ProblemTypes, toProblem } from './problem-details';

/** What NSwag's Fetch template throws when no problem schema is declared for the status. */
class ApiException extends Error {
  status: number;
  response: string;
  headers: Record<string, string>;
  result: unknown;
  protected isApiException = true;
  constructor(message: string, status: number, response: string, headers: Record<string, string>, result: unknown) {
    super();
    this.message = message;
    this.status = status;
    this.response = response;
    this.headers = headers;
    this.result = result;
  }
}

const validationProblem = {
  type: ProblemTypes.validationFailed,
  title: 'One or more fields are invalid.',
  status: 400,
  instance: '/api/departments',
  traceId: '00-abc-def-01',
  errors: {
    code: ['Code must be 2–16 characters: an upper-case letter, then upper-case letters, digits or hyphens.'],
    nameSv: ['Name in Swedish is required.'],
  },
};

describe('toProblem', () => {
  it('reads a problem object thrown as it is (declared ProblemDetails response)', () => {
    const problem = toProblem(validationProblem);
    expect(problem).toMatchObject({
      kind: 'validation',
      type: ProblemTypes.validationFailed,
      status: 400,
      title: 'One or more fields are invalid.',
      instance: '/api/departments',
      traceId: '00-abc-def-01',
    });
    expect(problem.errors.code).toHaveLength(1);
    expect(problem.errors.nameSv).toEqual(['Name in Swedish is required.']);
  });

  it('reads the parsed problem in an ApiException result', () => {
    const problem = toProblem(
      new ApiException('Conflict', 409, '', {}, { type: ProblemTypes.conflict, title: 'Conflict', status: 409, detail: 'Code ENG is taken.' }),
    );
    expect(problem.kind).toBe('conflict');
    expect(problem.detail).toBe('Code ENG is taken.');
  });

  it('parses the problem from the raw response text of an ApiException', () => {
    const body = JSON.stringify({
      type: ProblemTypes.internalError,
      title: 'An unexpected error occurred.',
      status: 500,
      traceId: '00-trace-500-00',
    });
    const problem = toProblem(new ApiException('An unexpected server error occurred.', 500, body, {}, null));
    expect(problem.kind).toBe('server');
    expect(problem.traceId).toBe('00-trace-500-00');
    expect(problem.status).toBe(500);
  });

  it('takes the status of the exception when the body has none', () => {
    const body = JSON.stringify({ type: ProblemTypes.preconditionFailed, title: 'Stale' });
    const problem = toProblem(new ApiException('Precondition Failed', 412, body, {}, null));
    expect(problem.status).toBe(412);
    expect(problem.kind).toBe('precondition-failed');
  });

  it('falls back on the status code for an ApiException without a problem body', () => {
    const problem = toProblem(new ApiException('Bad Gateway', 502, '<html>proxy error</html>', {}, null));
    expect(problem).toMatchObject({ kind: 'server', status: 502, type: ProblemTypes.http, title: 'Bad Gateway', errors: {} });
    expect(toProblem(new ApiException('x', 404, '', {}, null)).kind).toBe('not-found');
    expect(toProblem(new ApiException('x', 412, '', {}, null)).kind).toBe('precondition-failed');
    expect(toProblem(new ApiException('x', 428, '', {}, null)).kind).toBe('precondition-required');
    expect(toProblem(new ApiException('x', 413, '', {}, null)).kind).toBe('payload-too-large');
    expect(toProblem(new ApiException('x', 418, '', {}, null)).kind).toBe('other');
  });

  it('maps every documented problem type to its kind', () => {
    const cases: Array<[string, number, string]> = [
      [ProblemTypes.validationFailed, 400, 'validation'],
      [ProblemTypes.malformedRequest, 400, 'malformed'],
      [ProblemTypes.notFound, 404, 'not-found'],
      [ProblemTypes.conflict, 409, 'conflict'],
      [ProblemTypes.preconditionFailed, 412, 'precondition-failed'],
      [ProblemTypes.preconditionRequired, 428, 'precondition-required'],
      [ProblemTypes.payloadTooLarge, 413, 'payload-too-large'],
      [ProblemTypes.internalError, 500, 'server'],
      [ProblemTypes.unauthorized, 401, 'unauthorized'],
      [ProblemTypes.forbidden, 403, 'forbidden'],
      [ProblemTypes.antiForgeryFailed, 403, 'anti-forgery'],
      [ProblemTypes.tooManyRequests, 429, 'too-many-requests'],
    ];
    for (const [type, status, kind] of cases) {
      expect(toProblem({ type, title: 't', status }).kind, type).toBe(kind);
    }
  });

  it('treats a rejected fetch as a network problem', () => {
    const problem = toProblem(new TypeError('Failed to fetch'));
    expect(problem).toMatchObject({ kind: 'network', status: 0, type: ProblemTypes.network });
    expect(isRetryable(new TypeError('NetworkError when attempting to fetch resource.'))).toBe(true);
  });

  it('never throws on odd values', () => {
    expect(toProblem(undefined).kind).toBe('other');
    expect(toProblem(null).kind).toBe('other');
    expect(toProblem('boom')).toMatchObject({ kind: 'other', title: 'boom' });
    expect(toProblem(new Error('bug')).title).toBe('bug');
    expect(toProblem({ some: 'object' }).kind).toBe('other');
  });

  it('drops malformed error entries and accepts a single string', () => {
    const problem = toProblem({
      type: ProblemTypes.validationFailed,
      status: 400,
      title: 'Invalid',
      errors: { code: 'Too short.', nameEn: [42, '', 'Required.'], nameSv: [] },
    });
    expect(problem.errors).toEqual({ code: ['Too short.'], nameEn: ['Required.'] });
  });

  it('reads a traceId from the extensions member too', () => {
    expect(toProblem({ type: ProblemTypes.internalError, status: 500, title: 'x', extensions: { traceId: 't-1' } }).traceId).toBe('t-1');
  });
});

describe('problemMessageKey and isRetryable', () => {
  it('gives a message per kind', () => {
    expect(problemMessageKey(toProblem(validationProblem))).toBe('problems.validation');
    expect(problemMessageKey(toProblem({ type: ProblemTypes.preconditionFailed, status: 412, title: 'x' }))).toBe(
      'problems.preconditionFailed',
    );
    expect(problemMessageKey(toProblem(new TypeError('Failed to fetch')))).toBe('problems.network');
    expect(problemMessageKey(toProblem({ type: ProblemTypes.internalError, status: 500, title: 'x' }))).toBe('problems.server');
  });

  it('retries server and network errors only', () => {
    expect(isRetryable(validationProblem)).toBe(false);
    expect(isRetryable({ type: ProblemTypes.notFound, status: 404, title: 'x' })).toBe(false);
    expect(isRetryable({ type: ProblemTypes.internalError, status: 500, title: 'x' })).toBe(true);
    expect(isRetryable(new ApiException('Service Unavailable', 503, '', {}, null))).toBe(true);
    expect(isRetryable(new Error('a bug'))).toBe(false);
  });
});

describe('identity problems', () => {
  it('falls back on 401, 403 and 429 without a known type', () => {
    expect(toProblem(new ApiException('x', 401, '', {}, null)).kind).toBe('unauthorized');
    expect(toProblem(new ApiException('x', 403, '', {}, null)).kind).toBe('forbidden');
    expect(toProblem(new ApiException('x', 429, '', {}, null)).kind).toBe('too-many-requests');
  });

  it('reads the wait of a 429 from the body (added by the fetch wrapper) or the headers', () => {
    const body = { type: ProblemTypes.tooManyRequests, title: 'Too Many Requests', status: 429, retryAfter: 30 };
    expect(toProblem(body).retryAfterSeconds).toBe(30);
    expect(toProblem(new ApiException('x', 429, '', { 'retry-after': '75' }, null)).retryAfterSeconds).toBe(75);
    expect(
      toProblem(new ApiException('x', 429, '', { 'Retry-After': '12' }, { ...body, retryAfter: undefined })).retryAfterSeconds,
    ).toBe(12);
    expect(toProblem({ ...body, retryAfter: 'soon' }).retryAfterSeconds).toBeUndefined();
  });

  it('tells a 401 apart from every other problem', () => {
    expect(isUnauthorized({ type: ProblemTypes.unauthorized, title: 'Unauthorized', status: 401 })).toBe(true);
    expect(isUnauthorized({ type: ProblemTypes.forbidden, title: 'Forbidden', status: 403 })).toBe(false);
    expect(isUnauthorized(new TypeError('Failed to fetch'))).toBe(false);
  });

  it('has a message for each new kind', () => {
    expect(problemMessageKey(toProblem({ type: ProblemTypes.unauthorized, title: 't', status: 401 }))).toBe('problems.unauthorized');
    expect(problemMessageKey(toProblem({ type: ProblemTypes.forbidden, title: 't', status: 403 }))).toBe('problems.forbidden');
    expect(problemMessageKey(toProblem({ type: ProblemTypes.antiForgeryFailed, title: 't', status: 403 }))).toBe(
      'problems.antiForgery',
    );
    expect(problemMessageKey(toProblem({ type: ProblemTypes.tooManyRequests, title: 't', status: 429 }))).toBe(
      'problems.tooManyRequests',
    );
  });
});
