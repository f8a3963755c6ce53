import type { SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacultyResponse } from '../../../api/generated';
import type { FieldControlProps } from '../../../components/FormField';
import { currentLanguage, localName } from '../../../lib/i18n';

export interface DepartmentSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> {
  control: FieldControlProps;
  value: string;
  onChange: (code: string) => void;
  /** The faculties with their (active) departments; undefined while loading. */
  faculties: readonly FacultyResponse[] | undefined;
  /** Offer only these department codes (a coordinator's own); all when absent. */
  only?: readonly string[];
  /** The first, empty option ("Choose a department", "All"). */
  emptyLabel: string;
}

/** A department picker, grouped by faculty, names in the UI language with the code. */
export function DepartmentSelect({ control, value, onChange, faculties, only, emptyLabel, ...rest }: DepartmentSelectProps) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const allowed = only ? new Set(only) : null;
  const groups = (faculties ?? [])
    .map((faculty) => ({
      faculty,
      departments: faculty.departments.filter((d) => d.isActive && (!allowed || allowed.has(d.code))),
    }))
    .filter((group) => group.departments.length > 0);
  const known = groups.some((group) => group.departments.some((d) => d.code === value));
  return (
    <select {...control} {...rest} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{emptyLabel}</option>
      {value && !known ? <option value={value}>{value}</option> : null}
      {groups.map(({ faculty, departments }) => (
        <optgroup key={faculty.code} label={localName(faculty, language)}>
          {departments.map((department) => (
            <option key={department.code} value={department.code}>
              {localName(department, language)} ({department.code})
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
