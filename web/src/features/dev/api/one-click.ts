import { useMutation } from '@tanstack/react-query';

/** What a mail client sends to a one-click unsubscribe address (RFC 8058 §3.1). */
export const ONE_CLICK_BODY = 'List-Unsubscribe=One-Click';

/** How the one-click POST was answered: its status (2xx; any other status is thrown as the problem the API answered). */
export interface OneClickAnswer {
  status: number;
}

/**
 * Does what a mail client does with `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058): a POST of
 * `List-Unsubscribe=One-Click` as a form, without cookies or other credentials, to the mail's one-click address. The
 * address is taken on this origin (its path), since a development mail may name another host or port.
 *
 * Deliberately not the generated client: this imitates a mail client, which knows only the header, not the API.
 */
export async function postOneClick(address: string, fetchFn: typeof fetch = (...args) => window.fetch(...args)): Promise<OneClickAnswer> {
  const url = new URL(address);
  const response = await fetchFn(`${url.pathname}${url.search}`, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: ONE_CLICK_BODY,
  });
  if (response.ok) {
    await response.body?.cancel();
    return { status: response.status };
  }
  const text = await response.text();
  let problem: unknown;
  try {
    problem = JSON.parse(text);
  } catch {
    problem = undefined;
  }
  throw problem && typeof problem === 'object' ? problem : { status: response.status, title: response.statusText || text };
}

/** The "Try one-click (POST)" of a message in the dev mailbox. */
export function useOneClick() {
  return useMutation<OneClickAnswer, unknown, string>({ mutationFn: (address) => postOneClick(address) });
}
