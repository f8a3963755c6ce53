import { describe, expect, it, vi } from 'vitest';
import { createApiFetch } from './api-fetch';

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
});
