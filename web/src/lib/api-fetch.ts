/**
 * The `http` object handed to the generated NSwag clients: the browser's fetch, same-origin, with
 * the cookie session (credentials: 'same-origin'), the UI language as Accept-Language so the server
 * can word its messages in it, and the session's anti-forgery token on every unsafe request.
 */
export interface HttpLike {
  fetch(url: RequestInfo, init?: RequestInit): Promise<Response>;
}

export type FetchFn = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** The readable cookie the API sets at sign-in; its value goes back in {@link CSRF_HEADER}. */
export const CSRF_COOKIE = 'alumni_csrf';

/** The header every POST, PUT, PATCH and DELETE made with the session cookie must carry. */
export const CSRF_HEADER = 'X-CSRF-Token';

/**
 * The member the wrapper adds to a 429 problem body: the wait from the `Retry-After` header, in
 * seconds. The generated client throws the parsed problem body without the response headers, so the
 * wait travels in the body.
 */
export const RETRY_AFTER_MEMBER = 'retryAfter';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

export interface ApiFetchOptions {
  /** Defaults to `window.fetch`, looked up on every call (so tests and polyfills can replace it). */
  fetch?: FetchFn;
  /** The current UI language, e.g. `sv` or `en`; sent as Accept-Language. */
  language?: () => string | undefined;
  /**
   * The session's anti-forgery token, asked for on every unsafe request. Defaults to reading the
   * `alumni_csrf` cookie at call time, so it is right straight after a sign-in and gone after a sign-out.
   */
  csrfToken?: () => string | undefined;
}

/** The value of a cookie in a `document.cookie` string, or undefined. */
export function readCookie(name: string, cookies: string | undefined): string | undefined {
  if (!cookies) return undefined;
  for (const part of cookies.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() !== name) continue;
    const raw = part.slice(separator + 1).trim();
    if (!raw) return undefined;
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

function documentCookies(): string | undefined {
  try {
    return typeof document !== 'undefined' ? document.cookie : undefined;
  } catch {
    return undefined;
  }
}

/** The anti-forgery token from the browser's cookies, read now. */
export function csrfTokenFromCookie(): string | undefined {
  return readCookie(CSRF_COOKIE, documentCookies());
}

/** True for methods that change something (and so need the anti-forgery header). */
export function isUnsafeMethod(method: string | undefined): boolean {
  return !SAFE_METHODS.has((method ?? 'GET').toUpperCase());
}

/**
 * A `Retry-After` value as whole seconds from now: either delta-seconds or an HTTP date.
 * Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Copies the wait of a 429 answer into its JSON problem body (see {@link RETRY_AFTER_MEMBER}). */
async function withRetryAfter(response: Response): Promise<Response> {
  if (response.status !== 429) return response;
  const seconds = parseRetryAfter(response.headers.get('Retry-After'));
  if (seconds === undefined || !/json/i.test(response.headers.get('Content-Type') ?? '')) return response;
  let body: unknown;
  try {
    body = await response.clone().json();
  } catch {
    return response;
  }
  if (!isRecord(body)) return response;
  return new Response(JSON.stringify({ ...body, [RETRY_AFTER_MEMBER]: seconds }), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

export function createApiFetch(options: ApiFetchOptions = {}): HttpLike {
  return {
    async fetch(url: RequestInfo, init?: RequestInit): Promise<Response> {
      const headers = new Headers(init?.headers);
      const language = options.language?.();
      if (language && !headers.has('Accept-Language')) headers.set('Accept-Language', language);
      if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');
      const method = init?.method ?? (typeof url === 'object' && 'method' in url ? url.method : 'GET');
      if (isUnsafeMethod(method) && !headers.has(CSRF_HEADER)) {
        const token = (options.csrfToken ?? csrfTokenFromCookie)();
        if (token) headers.set(CSRF_HEADER, token);
      }
      const doFetch: FetchFn = options.fetch ?? ((input, requestInit) => window.fetch(input, requestInit));
      const response = await doFetch(url, { ...init, headers, credentials: 'same-origin' });
      return withRetryAfter(response);
    },
  };
}
