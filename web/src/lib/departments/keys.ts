/** TanStack Query keys of the departments feature; everything under `departments` is invalidated together. */
export const departmentKeys = {
  all: ['departments'] as const,
  faculties: () => [...departmentKeys.all, 'faculties'] as const,
  facultyList: (includeInactive: boolean) => [...departmentKeys.faculties(), { includeInactive }] as const,
  details: () => [...departmentKeys.all, 'detail'] as const,
  detail: (code: string) => [...departmentKeys.details(), code] as const,
};
