import type { CampaignStatus, RecipientState, TopicKind } from '../../api/generated';

/** The API's enums in the order the pages offer them. */
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled'] as const satisfies readonly CampaignStatus[];

export const RECIPIENT_STATES = ['queued', 'sending', 'sent', 'failed', 'skipped', 'uncertain'] as const satisfies readonly RecipientState[];

export const TOPIC_KINDS = ['central', 'department', 'events', 'custom'] as const satisfies readonly TopicKind[];

/** The badge of a campaign's status: sending and sent are the live ones, cancelled stands out. */
export function campaignStatusBadge(status: CampaignStatus): string {
  if (status === 'sending' || status === 'sent') return 'badge badge--active';
  if (status === 'cancelled') return 'badge badge--danger';
  return 'badge badge--inactive';
}
