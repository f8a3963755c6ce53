import type { BounceQuery } from '../bounce-form';

/**
 * TanStack Query keys of the newsletter administration (welcome series, bounces, a member's mail delivery). Everything
 * under `newsletterAdmin` belongs to whoever is signed in and is dropped at sign-out (PERSONAL_QUERY_ROOTS).
 */
export const newsletterAdminKeys = {
  all: ['newsletterAdmin'] as const,
  welcomeSteps: () => [...newsletterAdminKeys.all, 'welcome-steps'] as const,
  bounceLists: () => [...newsletterAdminKeys.all, 'bounces'] as const,
  bounces: (query: BounceQuery) => [...newsletterAdminKeys.bounceLists(), query] as const,
  deliveries: () => [...newsletterAdminKeys.all, 'delivery'] as const,
  delivery: (memberId: string) => [...newsletterAdminKeys.deliveries(), memberId] as const,
};
