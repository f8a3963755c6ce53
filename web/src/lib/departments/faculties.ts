import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { FacultyResponse } from '../../api/generated';
import type { DepartmentsApi } from '../api-client';
import { useApiClients } from '../api-context';
import { departmentKeys } from './keys';

export function facultiesQueryOptions(api: DepartmentsApi, includeInactive: boolean) {
  return queryOptions<FacultyResponse[]>({
    queryKey: departmentKeys.facultyList(includeInactive),
    queryFn: () => api.listFaculties(includeInactive),
  });
}

/** All faculties with their departments (only active ones unless `includeInactive`). */
export function useFaculties(includeInactive: boolean) {
  const { departments } = useApiClients();
  return useQuery({
    ...facultiesQueryOptions(departments, includeInactive),
    // Keep the table on screen while the other variant loads after the toggle.
    placeholderData: keepPreviousData,
  });
}
