import { describe, expect, it, vi } from 'vitest';
import { createApiFetch, CSRF_HEADER, parseRetryAfter, readCookie } from './api-fetch';

function recordingFetch() {
  const calls: Array<{ url: RequestInfo | URL; init?: RequestInit }> = [];
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url, init });
    return new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  return { fetch, calls };
}

describe('createApiFetch', () => {
  it('sends the session cookie same-origin only, and the UI language', async () => {
    const { fetch, calls } = recordingFetch();
    let language = 'sv';
    const http = createApiFetch({ fetch, language: () => language });
    await http.fetch('/api/faculties?includeInactive=false', { method: 'GET', headers: { Accept: 'application/json' } });
    language = 'en';
    await http.fetch('/api/faculties');
    expect(calls[0].url).toBe('/api/faculties?includeInactive=false');
    expect(calls[0].init?.credentials).toBe('same-origin');
    expect(new Headers(calls[0].init?.headers).get('Accept-Language')).toBe('sv');
    expect(new Headers(calls[0].init?.headers).get('Accept')).toBe('application/json');
    expect(new Headers(calls[1].init?.headers).get('Accept-Language')).toBe('en');
  });

  it('keeps the generated client’s method, body and headers (If-Match)', async () => {
    const { fetch, calls } = recordingFetch();
    const http = createApiFetch({ fetch });
    const body = JSON.stringify({ nameSv: 'A', nameEn: 'B', facultyCode: 'HUM' });
    await http.fetch('/api/departments/ENG', {
      method: 'PUT',
      body,
      headers: { 'If-Match': '"3"', 'Content-Type': 'application/json' },
    });
    const init = calls[0].init!;
    const headers = new Headers(init.headers);
    expect(init.method).toBe('PUT');
    expect(init.body).toBe(body);
    expect(headers.get('If-Match')).toBe('"3"');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.has('Accept-Language')).toBe(false);
  });

  it('overrides a caller’s credentials setting', async () => {
    const { fetch, calls } = recordingFetch();
    await createApiFetch({ fetch }).fetch('/api/x', { credentials: 'include' });
    expect(calls[0].init?.credentials).toBe('same-origin');
  });

  it('uses window.fetch, looked up at call time, by default', async () => {
    const original = window.fetch;
    const { fetch, calls } = recordingFetch();
    const http = createApiFetch();
    window.fetch = fetch as typeof window.fetch;
    try {
      await http.fetch('/health/ready');
    } finally {
      window.fetch = original;
    }
    expect(calls).toHaveLength(1);
    expect(calls[0].init?.credentials).toBe('same-origin');
  });

  it('sends the anti-forgery token on unsafe requests only, read at call time', async () => {
    const { fetch, calls } = recordingFetch();
    let token: string | undefined;
    const http = createApiFetch({ fetch, csrfToken: () => token });
    await http.fetch('/api/auth/code', { method: 'POST', body: '{}' }); // signed out: nothing to send
    token = 'tok-1';
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'delete']) await http.fetch('/api/x', { method });
    for (const method of ['GET', 'HEAD', 'OPTIONS']) await http.fetch('/api/x', { method });
    await http.fetch('/api/x');
    token = 'tok-2'; // signed in again: the new session's token
    await http.fetch('/api/x', { method: 'DELETE' });
    const sent = calls.map((c) => new Headers(c.init?.headers).get(CSRF_HEADER));
    expect(sent).toEqual([null, 'tok-1', 'tok-1', 'tok-1', 'tok-1', 'tok-1', null, null, null, null, 'tok-2']);
  });

  it('reads the token from the alumni_csrf cookie by default', async () => {
    const { fetch, calls } = recordingFetch();
    const http = createApiFetch({ fetch });
    document.cookie = 'other=1; path=/';
    document.cookie = 'alumni_csrf=abc%2Fdef_-1; path=/';
    try {
      await http.fetch('/api/departments', { method: 'POST', body: '{}' });
      await http.fetch('/api/departments', { method: 'GET' });
    } finally {
      document.cookie = 'alumni_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
      document.cookie = 'other=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    }
    await http.fetch('/api/departments', { method: 'POST', body: '{}' });
    expect(new Headers(calls[0].init?.headers).get(CSRF_HEADER)).toBe('abc/def_-1');
    expect(new Headers(calls[1].init?.headers).has(CSRF_HEADER)).toBe(false);
    expect(new Headers(calls[2].init?.headers).has(CSRF_HEADER)).toBe(false);
  });

  it('keeps an anti-forgery header the caller set', async () => {
    const { fetch, calls } = recordingFetch();
    await createApiFetch({ fetch, csrfToken: () => 'from-cookie' }).fetch('/api/x', {
      method: 'PUT',
      headers: { [CSRF_HEADER]: 'explicit' },
    });
    expect(new Headers(calls[0].init?.headers).get(CSRF_HEADER)).toBe('explicit');
  });

  it('copies Retry-After into a 429 problem body, which the generated client throws without headers', async () => {
    const body = { type: 'urn:alumni:problem:too-many-requests', title: 'Too Many Requests', status: 429 };
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify(body), {
          status: 429,
          headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '42' },
        }),
    );
    const response = await createApiFetch({ fetch }).fetch('/api/auth/code', { method: 'POST' });
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe('42');
    expect(await response.json()).toEqual({ ...body, retryAfter: 42 });
  });

  it('leaves other answers untouched', async () => {
    const fetch = vi.fn(async () => new Response('slow down', { status: 429, headers: { 'Retry-After': '5' } }));
    const response = await createApiFetch({ fetch }).fetch('/api/x');
    expect(await response.text()).toBe('slow down');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2025-05-01T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 May 2025 12:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Thu, 01 May 2025 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('readCookie', () => {
  it('finds a cookie by its exact name and decodes it', () => {
    expect(readCookie('alumni_csrf', 'x_alumni_csrf=no; alumni_csrf=a%20b; z=1')).toBe('a b');
    expect(readCookie('alumni_csrf', 'alumni_csrf=')).toBeUndefined();
    expect(readCookie('alumni_csrf', 'other=1')).toBeUndefined();
    expect(readCookie('alumni_csrf', undefined)).toBeUndefined();
    expect(readCookie('alumni_csrf', 'alumni_csrf=%E0%A4%A')).toBe('%E0%A4%A');
  });
});
