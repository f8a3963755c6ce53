import { z } from 'zod';
import { code, name, type Translate } from '../../../lib/text-rules';

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

/**
 * The department's rules, as the API's validators (CreateDepartment, UpdateDepartment) have them: a
 * code (only when creating; an edit keeps it), names in both languages and a faculty. Whether the
 * code is free and the faculty exists only the server can tell.
 */
export function departmentSchema(t: Translate, mode: 'create' | 'edit') {
  return z.object({
    code: mode === 'create' ? code(t) : z.string(),
    nameSv: name(t),
    nameEn: name(t),
    facultyCode: z.string().refine((faculty) => faculty.trim() !== '', t('validation.faculty')),
  }) satisfies z.ZodType<DepartmentFormValues, DepartmentFormValues>;
}
