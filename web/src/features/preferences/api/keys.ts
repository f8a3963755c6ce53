/**
 * TanStack Query keys of the newsletter preferences. A mail link's page (`preferences`, by token) is reached without
 * signing in; the signed-in member's own (`myNewsletter`) is personal and dropped at sign-out (PERSONAL_QUERY_ROOTS).
 */
export const preferenceKeys = {
  all: ['preferences'] as const,
  byToken: (token: string) => [...preferenceKeys.all, 'token', token] as const,
  mine: () => ['myNewsletter', 'preferences'] as const,
};
