import type { SupportRequestStatus } from '../../../api/generated';

export const SUPPORT_STATUSES = ['submitted', 'approved', 'declined', 'done', 'withdrawn'] as const satisfies readonly SupportRequestStatus[];

export const SUPPORT_HELP = ['funding', 'communication', 'venue', 'speaker'] as const;

/** The badge of a request's state. */
export function supportBadgeClass(status: SupportRequestStatus): string {
  if (status === 'approved' || status === 'done') return 'badge badge--active';
  if (status === 'declined') return 'badge badge--danger';
  return 'badge badge--inactive';
}
