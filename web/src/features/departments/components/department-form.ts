/** The fields of the department form, named as the API names them (server errors are keyed by these). */
export const DEPARTMENT_FIELDS = ['code', 'nameSv', 'nameEn', 'facultyCode'] as const;
export type DepartmentField = (typeof DEPARTMENT_FIELDS)[number];

export type DepartmentFormValues = Record<DepartmentField, string>;

export const EMPTY_DEPARTMENT: DepartmentFormValues = { code: '', nameSv: '', nameEn: '', facultyCode: '' };

/** What the user typed, as sent: surrounding white space dropped, the code in upper case as the rule wants. */
export function normaliseDepartmentValues(values: DepartmentFormValues): DepartmentFormValues {
  return {
    code: values.code.trim().toUpperCase(),
    nameSv: values.nameSv.trim(),
    nameEn: values.nameEn.trim(),
    facultyCode: values.facultyCode.trim(),
  };
}
