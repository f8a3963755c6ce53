import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DepartmentResponse } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { versionETag } from '../../../lib/etag';
import { toProblem } from '../../../lib/problem-details';
import { departmentKeys } from '../../../lib/departments/keys';

export interface UpdateDepartmentVariables {
  code: string;
  /** The version the user started editing from; sent as `If-Match: "<version>"`. */
  version: number;
  nameSv: string;
  nameEn: string;
  facultyCode: string;
}

/**
 * Updates a department's names and faculty, guarded by If-Match. On success the department and the
 * lists are refreshed; when the server answers 412 (someone else changed it) the department is
 * reloaded so the form can show the current data.
 */
export function useUpdateDepartment() {
  const { departments } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<DepartmentResponse, unknown, UpdateDepartmentVariables>({
    mutationFn: ({ code, version, nameSv, nameEn, facultyCode }) =>
      departments.update(code, versionETag(version), { nameSv, nameEn, facultyCode }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(departmentKeys.detail(updated.code), updated);
      await queryClient.invalidateQueries({ queryKey: departmentKeys.faculties() });
    },
    onError: async (error, variables) => {
      const problem = toProblem(error);
      if (problem.kind === 'precondition-failed' || problem.kind === 'not-found') {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: departmentKeys.detail(variables.code) }),
          queryClient.invalidateQueries({ queryKey: departmentKeys.faculties() }),
        ]);
      }
    },
  });
}
