import { useTranslation } from 'react-i18next';
import type { FacultyResponse } from '../api/generated';
import { currentLanguage, localName } from '../lib/i18n';
import { fieldErrorId, fieldHintId } from './FormField';
import './DepartmentChecklist.css';

export interface DepartmentChecklistProps {
  /** The fieldset's id (the error summary's link focuses it). */
  id: string;
  legend: string;
  hint?: string;
  errors?: readonly string[];
  faculties: readonly FacultyResponse[] | undefined;
  value: readonly string[];
  onChange: (codes: string[]) => void;
  /** Codes not to offer (the organiser among the co-hosts). */
  exclude?: readonly string[];
  /** Offer only these codes (a coordinator's own departments); all when absent. */
  only?: readonly string[];
}

/**
 * Several departments, as checkboxes grouped by faculty (names in the UI language, with the code). A code chosen that
 * is no longer an active department stays, checked, so that saving does not drop it unseen.
 */
export function DepartmentChecklist({ id, legend, hint, errors, faculties, value, onChange, exclude = [], only }: DepartmentChecklistProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const hasErrors = !!errors && errors.length > 0;
  const skip = new Set(exclude);
  const allowed = only ? new Set(only) : null;
  const groups = (faculties ?? [])
    .map((faculty) => ({
      faculty,
      departments: faculty.departments.filter((d) => d.isActive && !skip.has(d.code) && (!allowed || allowed.has(d.code))),
    }))
    .filter((group) => group.departments.length > 0);
  const known = new Set(groups.flatMap((group) => group.departments.map((d) => d.code)));
  const unknown = value.filter((code) => !known.has(code) && !skip.has(code));
  const toggle = (code: string, checked: boolean) => onChange(checked ? [...value.filter((c) => c !== code), code] : value.filter((c) => c !== code));
  const describedBy = [hasErrors ? fieldErrorId(id) : null, hint ? fieldHintId(id) : null].filter(Boolean).join(' ') || undefined;
  const box = (code: string, label: string) => (
    <li key={code} className="checkbox-list__item">
      <input
        type="checkbox"
        id={`${id}-${code}`}
        checked={value.includes(code)}
        onChange={(event) => toggle(code, event.target.checked)}
        aria-invalid={hasErrors || undefined}
      />
      <label htmlFor={`${id}-${code}`}>{label}</label>
    </li>
  );
  return (
    <fieldset id={id} tabIndex={-1} className={hasErrors ? 'fieldset field--invalid' : 'fieldset'} aria-describedby={describedBy}>
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p className="field__hint" id={fieldHintId(id)}>
          {hint}
        </p>
      ) : null}
      {hasErrors ? (
        <p className="field__error" id={fieldErrorId(id)}>
          {errors.map((message, i) => (
            <span key={i} className="field__error-line">
              {message}
            </span>
          ))}
        </p>
      ) : null}
      {/* What is chosen, in short: the list scrolls, and a checked box may be out of sight. */}
      <p className="field__hint department-checklist__chosen" aria-live="polite">
        {value.length > 0 ? t('common.departmentsChosen', { codes: value.join(', ') }) : t('common.noDepartmentsChosen')}
      </p>
      <div className="department-checklist">
        {unknown.length > 0 ? <ul className="checkbox-list">{unknown.map((code) => box(code, code))}</ul> : null}
        {groups.map(({ faculty, departments }) => (
          <div key={faculty.code} role="group" aria-label={localName(faculty, language)}>
            <p className="department-checklist__group-name" aria-hidden="true">
              {localName(faculty, language)}
            </p>
            <ul className="checkbox-list">{departments.map((d) => box(d.code, `${localName(d, language)} (${d.code})`))}</ul>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
