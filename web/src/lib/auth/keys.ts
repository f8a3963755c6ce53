/** TanStack Query keys of the auth feature. */
export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  sessions: () => [...authKeys.all, 'sessions'] as const,
};

/**
 * Keys of data that belongs to whoever is signed in (admin lists, my sessions, my member record, the
 * directory, staff member searches and campaigns): dropped when the person signs out, so the next
 * person never sees it.
 */
export const PERSONAL_QUERY_ROOTS = ['admin', 'auth', 'members', 'myEvents', 'staffEvents', 'newsletters', 'myNewsletter', 'newsletterAdmin', 'network'] as const;

export function isMeKey(queryKey: readonly unknown[]): boolean {
  return queryKey[0] === authKeys.all[0] && queryKey[1] === 'me';
}
