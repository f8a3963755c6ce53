import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DirectoryEntryPaged } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import type { DirectoryQuery } from '../directory-search';
import { memberKeys } from './keys';

/** One page of the alumni directory (active members only; the API answers 403 to anyone else). */
export function useDirectory(query: DirectoryQuery) {
  const { members } = useApiClients();
  return useQuery<DirectoryEntryPaged>({
    queryKey: memberKeys.directory(query),
    queryFn: ({ signal }) =>
      members.searchDirectory(query.q, query.department, query.country, query.offers, query.page, query.pageSize, signal),
    placeholderData: keepPreviousData,
  });
}
