import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntryResponsePaged } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import type { AuditQuery } from '../audit-filters';

export const auditKeys = {
  all: ['admin', 'audit'] as const,
  page: (query: AuditQuery) => [...auditKeys.all, query] as const,
};

/** One page of the audit log, newest first. */
export function useAuditPage(query: AuditQuery) {
  const { identity } = useApiClients();
  return useQuery<AuditEntryResponsePaged>({
    queryKey: auditKeys.page(query),
    queryFn: ({ signal }) =>
      identity.listAudit(
        query.kind,
        query.action,
        undefined,
        query.entityType,
        undefined,
        query.from,
        query.to,
        query.page,
        query.pageSize,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}
