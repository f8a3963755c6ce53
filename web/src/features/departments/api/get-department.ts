import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DepartmentResponse } from '../../../api/generated';
import type { DepartmentsApi } from '../../../lib/api-client';
import { useApiClients } from '../../../lib/api-context';
import { departmentKeys } from '../../../lib/departments/keys';

export function departmentQueryOptions(api: DepartmentsApi, code: string) {
  return queryOptions<DepartmentResponse>({
    queryKey: departmentKeys.detail(code),
    queryFn: () => api.get(code),
  });
}

/** One department, fresh from the server (its `version` is what an edit sends back in If-Match). */
export function useDepartment(code: string, options: { initialData?: DepartmentResponse } = {}) {
  const { departments } = useApiClients();
  return useQuery({
    ...departmentQueryOptions(departments, code),
    // Show the list's copy at once, check with the server when the edit starts, and then hold still:
    // the form must keep the version it started from until it is saved or the user is told otherwise.
    initialData: options.initialData,
    refetchOnMount: 'always',
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}
