import type { DirectoryQuery } from '../directory-search';
import type { MemberSearchQuery } from '../member-search';

/**
 * TanStack Query keys of the members feature. Everything under `members` belongs to whoever is signed
 * in and is dropped at sign-out (see PERSONAL_QUERY_ROOTS); an invitation link's landing is public.
 */
export const memberKeys = {
  all: ['members'] as const,
  me: () => [...memberKeys.all, 'me'] as const,
  pendingSignUp: () => [...memberKeys.all, 'pending-sign-up'] as const,
  directory: (query: DirectoryQuery) => [...memberKeys.all, 'directory', query] as const,
  staff: () => [...memberKeys.all, 'staff'] as const,
  search: (query: MemberSearchQuery) => [...memberKeys.staff(), 'search', query] as const,
  detail: (id: string) => [...memberKeys.staff(), 'detail', id] as const,
  campaigns: () => [...memberKeys.all, 'campaigns'] as const,
};

export const joinKeys = {
  all: ['join'] as const,
  landing: (token: string) => [...joinKeys.all, 'landing', token] as const,
};
