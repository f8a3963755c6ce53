/**
 * The sign-in in progress: the address a code was sent to, remembered for this tab (sessionStorage)
 * until the code expires, so the user can look at their mail (or the dev mailbox) and come back to
 * the code step.
 */
export interface PendingSignIn {
  email: string;
  /** When the code stops working (epoch milliseconds). */
  expiresAt: number;
}

export const PENDING_SIGN_IN_KEY = 'alumni.signIn.pending';

function defaultStorage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : null;
  } catch {
    return null;
  }
}

/**
 * The sign-in in progress, or null. `key` tells apart the sign-in page's code step from another page's
 * (the sign-up's verification step keeps its own, see JOIN_VERIFICATION_KEY).
 */
export function readPendingSignIn(
  storage: Pick<Storage, 'getItem'> | null = defaultStorage(),
  now: number = Date.now(),
  key: string = PENDING_SIGN_IN_KEY,
): PendingSignIn | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const value = JSON.parse(raw) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { email, expiresAt } = value as Record<string, unknown>;
    if (typeof email !== 'string' || !email || typeof expiresAt !== 'number' || expiresAt <= now) return null;
    return { email, expiresAt };
  } catch {
    return null;
  }
}

export function storePendingSignIn(
  pending: PendingSignIn | null,
  storage: Pick<Storage, 'setItem' | 'removeItem'> | null = defaultStorage(),
  key: string = PENDING_SIGN_IN_KEY,
): void {
  try {
    if (pending) storage?.setItem(key, JSON.stringify(pending));
    else storage?.removeItem(key);
  } catch {
    // Not remembered: the code step lasts only while the page is open.
  }
}

/** What a person typed as a code, as the API reads it: upper case, without spaces and hyphens. */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s-]+/g, '').toUpperCase();
}
