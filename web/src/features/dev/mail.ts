import type { DevMailboxHeader, DevMailboxMessage } from '../../api/generated';

/** A sign-in code: six of A–Z without I and O, and 2–9. */
export const SIGN_IN_CODE = /^[A-HJ-NP-Z2-9]{6}$/;

/**
 * The sign-in code of a sign-in mail, read from its subject ("Your sign-in code: ABC234" /
 * "Din inloggningskod: ABC234"); undefined for any other mail.
 */
export function signInCodeOf(message: Pick<DevMailboxMessage, 'subject'>): string | undefined {
  const match = /:\s*([A-Z0-9]{6})\s*$/.exec(message.subject);
  return match && SIGN_IN_CODE.test(match[1]) ? match[1] : undefined;
}

/** The header fields of a newsletter mail a newcomer wants to see, in the order shown. */
export const LIST_HEADER_NAMES = ['List-Unsubscribe', 'List-Unsubscribe-Post', 'List-Id', 'DKIM-Signature'] as const;

/** The message's list header fields (see LIST_HEADER_NAMES) it has, in that order; letter case of names does not matter. */
export function listHeadersOf(message: Pick<DevMailboxMessage, 'headers'>): DevMailboxHeader[] {
  return LIST_HEADER_NAMES.flatMap((name) =>
    message.headers.filter((header) => header.name.toLowerCase() === name.toLowerCase()),
  );
}

/** The addresses of a `List-Unsubscribe` value (RFC 2369: `<https://…>, <mailto:…>`): its web link and its mailto, if any. */
export function unsubscribeAddresses(value: string): { web?: string; mailto?: string } {
  const found: { web?: string; mailto?: string } = {};
  for (const match of value.matchAll(/<([^>]+)>/g)) {
    const address = match[1].trim();
    if (/^https?:\/\//i.test(address)) found.web ??= address;
    else if (/^mailto:/i.test(address)) found.mailto ??= address;
  }
  return found;
}

/** The one-click path of a preference token (`POST /api/newsletters/unsubscribe/{token}`, RFC 8058). */
const ONE_CLICK_PATH = /\/api\/newsletters\/unsubscribe\/([A-Za-z0-9_-]+)\/?$/;

/** The web app's preference page of a token. */
const PREFERENCE_PAGE_PATH = /\/preferences\/([A-Za-z0-9_-]+)\/?$/;

function pathOf(url: string): string | undefined {
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}

/** The preference token in a one-click unsubscribe address or a preference page's address; undefined in any other. */
export function preferenceTokenOf(url: string): string | undefined {
  const path = pathOf(url);
  if (!path) return undefined;
  return (ONE_CLICK_PATH.exec(path) ?? PREFERENCE_PAGE_PATH.exec(path))?.[1];
}

/** A piece of a mail's text: plain text, or a web address (with, for a preference page, the app's own path to it). */
export type TextPart = { text: string } | { text: string; href: string; appPath?: string };

/**
 * A mail's text cut into plain text and web addresses, so that the mailbox can make the addresses links. A link to a
 * preference page opens it in this app (whatever host the mail named: in development the mail's base address may be
 * another port).
 */
export function textParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"')\]]+/gi)) {
    const url = match[0].replace(/[.,;:!?]+$/, '');
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start) });
    const path = pathOf(url);
    const token = path ? PREFERENCE_PAGE_PATH.exec(path)?.[1] : undefined;
    parts.push(token ? { text: url, href: url, appPath: `/preferences/${token}` } : { text: url, href: url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
