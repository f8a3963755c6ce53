/**
 * Where to go after signing in. The address comes from the query string (`/sign-in?returnTo=…`), which
 * anyone can put in a link, so only a path of this app is accepted: relative, same origin, no scheme,
 * no `//host`, no back-slash tricks and no control characters. Anything else falls back to the start page.
 */

export const SIGN_IN_PATH = '/sign-in';
export const RETURN_TO_PARAM = 'returnTo';
// The front page, which sends a signed-in person on to their start page (see lib/start-page.ts).
export const DEFAULT_RETURN_TO = '/';

// Any origin will do: it only has to be one a relative path cannot leave without saying so.
const PROBE_ORIGIN = 'https://alumni.invalid';

/** A same-origin path (with its query and fragment) to go to, or the default when the value is unsafe. */
export function sanitizeReturnTo(value: string | null | undefined, fallback: string = DEFAULT_RETURN_TO): string {
  if (typeof value !== 'string') return fallback;
  if (value.length === 0 || value.length > 2048) return fallback;
  // Control characters and white space: browsers strip some of them, turning `/\t/evil.org` into `//evil.org`.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this test rejects
  if (/[\u0000-\u001f\u007f\s]/.test(value)) return fallback;
  // Only absolute paths of this site; `//host` and `/\host` are other sites to a browser.
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.includes('\\')) return fallback;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  // Never back to the sign-in page itself (it would only send the user round again).
  if (url.pathname === SIGN_IN_PATH || url.pathname.startsWith(`${SIGN_IN_PATH}/`)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's address that comes back to `returnTo` afterwards. */
export function signInPath(returnTo?: string | null): string {
  if (!returnTo) return SIGN_IN_PATH;
  const safe = sanitizeReturnTo(returnTo, '');
  if (!safe || safe === DEFAULT_RETURN_TO) return SIGN_IN_PATH;
  return `${SIGN_IN_PATH}?${new URLSearchParams({ [RETURN_TO_PARAM]: safe }).toString()}`;
}

/** The current location of a router as a path with query and fragment. */
export function pathOf(location: { pathname: string; search?: string; hash?: string }): string {
  return `${location.pathname}${location.search ?? ''}${location.hash ?? ''}`;
}
