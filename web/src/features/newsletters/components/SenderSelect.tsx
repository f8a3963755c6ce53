import { useTranslation } from 'react-i18next';
import type { FieldControlProps } from '../../../components/FormField';
import { useFaculties } from '../../../lib/departments/faculties';
import { currentLanguage, localName } from '../../../lib/i18n';

export interface SenderSelectProps {
  control: FieldControlProps;
  /** The department's id; '' for the central office. */
  value: string;
  onChange: (id: string) => void;
  /** The central office ('') may be chosen (admins). */
  centralAllowed: boolean;
  /** Offer only these departments (a coordinator's own, by code); all when absent. */
  only?: readonly string[];
  /** A filter: this first option ('') is any sender, and the central office is `central`. */
  anyLabel?: string;
}

/** The filter value of the central office's own (no department). */
export const CENTRAL = 'central';

/** The ids of these departments (by code), once the faculties are known; in the order given. */
export function useDepartmentIds(codes: readonly string[]): string[] {
  const faculties = useFaculties(false);
  const byCode = new Map((faculties.data ?? []).flatMap((faculty) => faculty.departments.map((d) => [d.code, d.id] as const)));
  return codes.flatMap((code) => (byCode.has(code) ? [byCode.get(code)!] : []));
}

/** Who sends a campaign or owns a segment: the central office (admins) or a department, grouped by faculty. */
export function SenderSelect({ control, value, onChange, centralAllowed, only, anyLabel }: SenderSelectProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const faculties = useFaculties(false);
  const allowed = only ? new Set(only) : null;
  const groups = (faculties.data ?? [])
    .map((faculty) => ({ faculty, departments: faculty.departments.filter((d) => d.isActive && (!allowed || allowed.has(d.code))) }))
    .filter((group) => group.departments.length > 0);
  const known = value === '' || (anyLabel !== undefined && value === CENTRAL) || groups.some((group) => group.departments.some((d) => d.id === value));
  return (
    <select {...control} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
      {anyLabel !== undefined ? (
        <>
          <option value="">{anyLabel}</option>
          {centralAllowed ? <option value={CENTRAL}>{t('newsletters.centralOffice')}</option> : null}
        </>
      ) : centralAllowed ? (
        <option value="">{t('newsletters.centralOffice')}</option>
      ) : (
        <option value="">{t('newsletters.editor.chooseDepartment')}</option>
      )}
      {!known ? <option value={value}>{t('newsletters.editor.theDepartment')}</option> : null}
      {groups.map(({ faculty, departments }) => (
        <optgroup key={faculty.code} label={localName(faculty, language)}>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {localName(d, language)} ({d.code})
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
