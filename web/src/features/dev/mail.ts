import type { DevMailboxMessage } from '../../api/generated';

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
