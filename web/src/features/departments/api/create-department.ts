import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateDepartmentRequest, DepartmentResponse } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { departmentKeys } from '../../../lib/departments/keys';

/** Creates a department; on success the faculty lists are refetched. */
export function useCreateDepartment() {
  const { departments } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<DepartmentResponse, unknown, CreateDepartmentRequest>({
    mutationFn: (request) => departments.create(request),
    onSuccess: async (created) => {
      queryClient.setQueryData(departmentKeys.detail(created.code), created);
      await queryClient.invalidateQueries({ queryKey: departmentKeys.faculties() });
    },
  });
}
