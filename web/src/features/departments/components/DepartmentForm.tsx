import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { currentLanguage, localName } from '../../../lib/i18n';
import { hasFormErrors, toFormErrors, toProblem } from '../../../lib/problem-details';
import {
  DEPARTMENT_FIELDS,
  normaliseDepartmentValues,
  type DepartmentField,
  type DepartmentFormValues,
} from './department-form';

export interface FacultyOption {
  code: string;
  nameSv: string;
  nameEn: string;
}

export interface DepartmentFormProps {
  mode: 'create' | 'edit';
  /** Prefix of the controls' ids, unique on the page. */
  idPrefix: string;
  initialValues: DepartmentFormValues;
  faculties: readonly FacultyOption[];
  /** The last submission's error (a thrown problem, ApiException or network error), or null. */
  error: unknown;
  pending: boolean;
  onSubmit: (values: DepartmentFormValues) => void;
  onCancel: () => void;
}

/**
 * The department form, for a new department or an edit (where the code is fixed). Validation is the
 * server's: its field errors appear on the fields, everything else in a summary above them.
 */
export function DepartmentForm({
  mode,
  idPrefix,
  initialValues,
  faculties,
  error,
  pending,
  onSubmit,
  onCancel,
}: DepartmentFormProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [values, setValues] = useState<DepartmentFormValues>(initialValues);
  // Fields the user has changed since the errors arrived; their (now stale) messages are hidden.
  const [touchedSinceError, setTouchedSinceError] = useState<ReadonlySet<DepartmentField>>(new Set());
  const summaryRef = useRef<HTMLDivElement>(null);
  const fieldId = (field: DepartmentField) => `${idPrefix}-${field}`;

  const problem = useMemo(() => (error ? toProblem(error) : null), [error]);
  const formErrors = useMemo(
    () =>
      problem
        ? toFormErrors(problem, DEPARTMENT_FIELDS, {
            conflictField: mode === 'create' ? 'code' : undefined,
            conflictMessage: t('departments.messages.codeTaken'),
          })
        : null,
    [problem, mode, t],
  );

  // A new error: show all its messages again and take the user to the summary.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a new error from the server shows all its messages again, together with the focus move to the summary
    setTouchedSinceError(new Set());
    if (error) summaryRef.current?.focus();
  }, [error]);

  const errorsFor = (field: DepartmentField): string[] | undefined =>
    touchedSinceError.has(field) ? undefined : formErrors?.fields[field];

  const update = (field: DepartmentField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (formErrors?.fields[field]) setTouchedSinceError((current) => new Set(current).add(field));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    onSubmit(normaliseDepartmentValues(values));
  };

  const fieldLabels: Record<DepartmentField, string> = {
    code: t('departments.form.code'),
    nameSv: t('departments.form.nameSv'),
    nameEn: t('departments.form.nameEn'),
    facultyCode: t('departments.form.faculty'),
  };
  const fieldsWithErrors = DEPARTMENT_FIELDS.filter((field) => (formErrors?.fields[field]?.length ?? 0) > 0);

  return (
    <form className="department-form" noValidate onSubmit={submit} aria-busy={pending || undefined}>
      {problem && formErrors ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <p className="error-summary__title">{t('departments.form.errorTitle')}</p>
          <p className="error-summary__body">
            {fieldsWithErrors.length > 0 ? t('problems.validation') : <ProblemMessage problem={problem} />}
          </p>
          {hasFormErrors(formErrors) ? (
            <ul className="error-summary__list">
              {fieldsWithErrors.map((field) => (
                <li key={field}>
                  <a
                    href={`#${fieldId(field)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(fieldId(field))?.focus();
                    }}
                  >
                    {fieldLabels[field]}: {formErrors.fields[field]?.join(' ')}
                  </a>
                </li>
              ))}
              {formErrors.form.map((message, i) => (
                <li key={`form-${i}`}>{message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <div className="form-grid">
        <FormField
          id={fieldId('code')}
          name="code"
          label={fieldLabels.code}
          hint={mode === 'create' ? t('departments.form.codeHint') : t('departments.form.codeFixed')}
          errors={errorsFor('code')}
          className="form-grid__code"
        >
          {(control) => (
            <input
              {...control}
              type="text"
              className="input input--code"
              value={values.code}
              onChange={(event) => update('code', event.target.value.toUpperCase())}
              readOnly={mode === 'edit'}
              required
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={64}
            />
          )}
        </FormField>

        <FormField
          id={fieldId('facultyCode')}
          name="facultyCode"
          label={fieldLabels.facultyCode}
          errors={errorsFor('facultyCode')}
          className="form-grid__faculty"
        >
          {(control) => (
            <select
              {...control}
              className="input"
              value={values.facultyCode}
              onChange={(event) => update('facultyCode', event.target.value)}
              required
            >
              <option value="">{t('departments.form.chooseFaculty')}</option>
              {faculties.map((faculty) => (
                <option key={faculty.code} value={faculty.code}>
                  {localName(faculty, language)} ({faculty.code})
                </option>
              ))}
            </select>
          )}
        </FormField>

        <FormField
          id={fieldId('nameSv')}
          name="nameSv"
          label={fieldLabels.nameSv}
          hint={t('departments.form.nameHint')}
          errors={errorsFor('nameSv')}
          className="form-grid__name"
        >
          {(control) => (
            <input
              {...control}
              type="text"
              lang="sv"
              className="input"
              value={values.nameSv}
              onChange={(event) => update('nameSv', event.target.value)}
              required
              autoComplete="off"
              maxLength={400}
            />
          )}
        </FormField>

        <FormField
          id={fieldId('nameEn')}
          name="nameEn"
          label={fieldLabels.nameEn}
          hint={t('departments.form.nameHint')}
          errors={errorsFor('nameEn')}
          className="form-grid__name"
        >
          {(control) => (
            <input
              {...control}
              type="text"
              lang="en"
              className="input"
              value={values.nameEn}
              onChange={(event) => update('nameEn', event.target.value)}
              required
              autoComplete="off"
              maxLength={400}
            />
          )}
        </FormField>
      </div>

      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
          {pending
            ? t('common.saving')
            : mode === 'create'
              ? t('departments.form.create')
              : t('departments.form.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
