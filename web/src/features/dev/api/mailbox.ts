import { useQuery } from '@tanstack/react-query';
import type { DevMailboxMessage } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { devKeys } from '../../../lib/dev-mailbox';
import { QUIET_UNAUTHORIZED } from '../../../lib/unauthorized';

/** How many messages the mailbox page shows. */
export const MAILBOX_LIMIT = 20;

/** The newest messages in the development mailbox, newest first. */
export function useDevMailbox(limit: number = MAILBOX_LIMIT) {
  const { dev } = useApiClients();
  return useQuery<DevMailboxMessage[]>({
    queryKey: devKeys.mailbox(limit),
    queryFn: ({ signal }) => dev.mailbox(limit, signal),
    staleTime: 0,
    retry: false,
    meta: QUIET_UNAUTHORIZED,
  });
}

/** Where a file of a mailbox message downloads from (`dev_mailboxAttachment`): a plain link, no script needed. */
export function mailboxAttachmentUrl(messageId: string, index: number): string {
  return `/api/dev/mailbox/${encodeURIComponent(messageId)}/attachments/${index}`;
}
