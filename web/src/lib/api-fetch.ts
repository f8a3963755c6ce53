/**
 * The `http` object handed to the generated NSwag clients: the browser's fetch, same-origin, with
 * the cookie session (credentials: 'same-origin') and the UI language as Accept-Language so the
 * server can word its messages in it.
 */
export interface HttpLike {
  fetch(url: RequestInfo, init?: RequestInit): Promise<Response>;
}

export type FetchFn = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface ApiFetchOptions {
  /** Defaults to `window.fetch`, looked up on every call (so tests and polyfills can replace it). */
  fetch?: FetchFn;
  /** The current UI language, e.g. `sv` or `en`; sent as Accept-Language. */
  language?: () => string | undefined;
}

export function createApiFetch(options: ApiFetchOptions = {}): HttpLike {
  return {
    fetch(url: RequestInfo, init?: RequestInit): Promise<Response> {
      const headers = new Headers(init?.headers);
      const language = options.language?.();
      if (language && !headers.has('Accept-Language')) headers.set('Accept-Language', language);
      if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');
      const doFetch: FetchFn = options.fetch ?? ((input, requestInit) => window.fetch(input, requestInit));
      return doFetch(url, { ...init, headers, credentials: 'same-origin' });
    },
  };
}
