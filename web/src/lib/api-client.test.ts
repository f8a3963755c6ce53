import { describe, expect, it, vi } from 'vitest';
import { createApiClients } from './api-client';
import { placeServerErrors } from './form-errors';
import { toProblem } from './problem-details';

/** Drives the real generated client over a scripted fetch: what the app sends and how it reads failures. */
function scriptedFetch(respond: (url: string, init: RequestInit) => Response) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init: init ?? {} });
    return respond(url, init ?? {});
  });
  return { fetch, calls };
}

const json = (status: number, body: unknown, contentType = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });

const department = {
  id: '0190f000-0000-7000-8000-000000000001',
  code: 'ENG',
  nameSv: 'Engelska institutionen',
  nameEn: 'Department of English',
  facultyCode: 'HUM',
  isActive: true,
  version: 3,
};

describe('createApiClients', () => {
  it('calls same-origin /api paths with credentials and the UI language', async () => {
    const { fetch, calls } = scriptedFetch(() => json(200, []));
    const { departments } = createApiClients({ fetch, language: () => 'en' });
    await departments.listFaculties(true);
    expect(calls[0].url).toBe('/api/faculties?includeInactive=true');
    expect(calls[0].init.credentials).toBe('same-origin');
    expect(new Headers(calls[0].init.headers).get('Accept-Language')).toBe('en');
  });

  it('sends If-Match on update and returns the department', async () => {
    const { fetch, calls } = scriptedFetch(() => json(200, { ...department, version: 4 }));
    const { departments } = createApiClients({ fetch });
    const updated = await departments.update('ENG', '"3"', { nameSv: 'A', nameEn: 'B', facultyCode: 'HUM' });
    expect(updated.version).toBe(4);
    expect(calls[0].url).toBe('/api/departments/ENG');
    expect(calls[0].init.method).toBe('PUT');
    expect(new Headers(calls[0].init.headers).get('If-Match')).toBe('"3"');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ nameSv: 'A', nameEn: 'B', facultyCode: 'HUM' });
  });

  it('turns a validation problem into field errors', async () => {
    const problem = {
      type: 'urn:alumni:problem:validation-failed',
      title: 'One or more fields are invalid.',
      status: 400,
      traceId: '00-aa-bb-01',
      errors: { code: ['Code must start with an upper-case letter.'], facultyCode: ['No faculty has the code XX.'] },
    };
    const { fetch } = scriptedFetch(() => json(400, problem, 'application/problem+json'));
    const { departments } = createApiClients({ fetch });
    const error = await departments
      .create({ code: '1X', nameSv: 'a', nameEn: 'b', facultyCode: 'XX' })
      .then(() => null, (e: unknown) => e);
    const errors = placeServerErrors(toProblem(error), ['code', 'nameSv', 'nameEn', 'facultyCode']);
    expect(errors.fields).toEqual({
      code: ['Code must start with an upper-case letter.'],
      facultyCode: ['No faculty has the code XX.'],
    });
  });

  it('reads a 409 and a 412 as conflict and stale version', async () => {
    const { fetch } = scriptedFetch((url) =>
      url.endsWith('/deactivate')
        ? json(412, { type: 'urn:alumni:problem:precondition-failed', title: 'Precondition failed', status: 412 }, 'application/problem+json')
        : json(409, { type: 'urn:alumni:problem:conflict', title: 'Conflict', status: 409, detail: 'ENG exists.' }, 'application/problem+json'),
    );
    const { departments } = createApiClients({ fetch });
    const conflict = await departments.create({ code: 'ENG', nameSv: 'a', nameEn: 'b', facultyCode: 'HUM' }).catch((e: unknown) => e);
    expect(placeServerErrors(toProblem(conflict), ['code'], { conflictField: 'code' }).fields.code).toEqual(['ENG exists.']);
    const stale = await departments.deactivate('ENG', '"1"').catch((e: unknown) => e);
    expect(toProblem(stale).kind).toBe('precondition-failed');
  });

  it('reads a status the spec does not declare (an ApiException) by its status and body', async () => {
    const { fetch } = scriptedFetch(() =>
      json(503, { type: 'urn:alumni:problem:http', title: 'Service Unavailable', status: 503, traceId: '00-cc-dd-01' }, 'application/problem+json'),
    );
    const { departments } = createApiClients({ fetch });
    const error = await departments.get('ENG').catch((e: unknown) => e);
    const problem = toProblem(error);
    expect(problem).toMatchObject({ kind: 'server', status: 503, traceId: '00-cc-dd-01' });
  });

  it('reports an unreachable server as a network problem', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const { departments } = createApiClients({ fetch });
    const error = await departments.listFaculties(false).catch((e: unknown) => e);
    expect(toProblem(error).kind).toBe('network');
  });
});
