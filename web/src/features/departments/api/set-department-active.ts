import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DepartmentResponse } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { toProblem } from '../../../lib/problem-details';
import { departmentKeys } from '../../../lib/departments/keys';
import { versionETag } from '../../../lib/etag';

export interface SetDepartmentActiveVariables {
  code: string;
  /** The version the user saw; sent as If-Match, so a change made meanwhile is not acted on blindly (412). */
  version: number;
}

function useSetActive(action: 'deactivate' | 'reactivate') {
  const { departments } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<DepartmentResponse, unknown, SetDepartmentActiveVariables>({
    mutationFn: ({ code, version }) =>
      action === 'deactivate'
        ? departments.deactivate(code, versionETag(version))
        : departments.reactivate(code, versionETag(version)),
    onSuccess: async (department) => {
      queryClient.setQueryData(departmentKeys.detail(department.code), department);
      await queryClient.invalidateQueries({ queryKey: departmentKeys.faculties() });
    },
    onError: async (error, { code }) => {
      const problem = toProblem(error);
      if (problem.kind === 'precondition-failed' || problem.kind === 'not-found') {
        // The list showed an old version: show the current one.
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: departmentKeys.detail(code) }),
          queryClient.invalidateQueries({ queryKey: departmentKeys.faculties() }),
        ]);
      }
    },
  });
}

/** Deactivates a department: it keeps its history but takes no new members or events. */
export function useDeactivateDepartment() {
  return useSetActive('deactivate');
}

/** Makes an inactive department active again. */
export function useReactivateDepartment() {
  return useSetActive('reactivate');
}
