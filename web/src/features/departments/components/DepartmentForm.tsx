import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField, TextInputField } from '../../../components/FormField';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { currentLanguage, localName } from '../../../lib/i18n';
import {
  DEPARTMENT_FIELDS,
  departmentSchema,
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
 * The department form, for a new department or an edit (where the code is fixed). The API's rules
 * are checked here first (departmentSchema); what only the server can judge (a code that is taken, a
 * faculty it does not know) comes back on the fields, everything else in the summary above them.
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
  // The messages are in the UI language: the rules are made again when it changes.
  const schema = useMemo(() => departmentSchema(t, mode), [t, mode]);
  const { control, handleSubmit, setError, formState } = useForm<DepartmentFormValues>({
    resolver: zodResolver(schema),
    defaultValues: initialValues,
    shouldFocusError: false,
  });
  const fieldId = (field: DepartmentField) => `${idPrefix}-${field}`;

  const conflictMessage = t('departments.messages.codeTaken');
  // Each answer is placed once (not again when only the language changes).
  const { failure, refuse, clear } = useFormFailure(error, setError, DEPARTMENT_FIELDS, {
    conflictField: mode === 'create' ? 'code' : undefined,
    conflictMessage,
  });

  const send = (values: DepartmentFormValues) => {
    if (pending) return;
    clear();
    onSubmit(normaliseDepartmentValues(values));
  };

  const labels: Record<DepartmentField, string> = {
    code: t('departments.form.code'),
    nameSv: t('departments.form.nameSv'),
    nameEn: t('departments.form.nameEn'),
    facultyCode: t('departments.form.faculty'),
  };
  const errorsOf = (field: DepartmentField) => messagesAt(formState.errors, field);
  const summary = DEPARTMENT_FIELDS.map((field) => ({ id: fieldId(field), label: labels[field], messages: errorsOf(field) }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));

  const nameField = (field: 'nameSv' | 'nameEn') => (
    <Controller
      control={control}
      name={field}
      render={({ field: controlled }) => (
        <TextInputField
          id={fieldId(field)}
          name={field}
          label={labels[field]}
          hint={t('departments.form.nameHint')}
          errors={errorsOf(field)}
          className="form-grid__name"
          lang={field === 'nameSv' ? 'sv' : 'en'}
          value={controlled.value}
          onValueChange={controlled.onChange}
          onBlur={controlled.onBlur}
          required
          autoComplete="off"
          maxLength={400}
        />
      )}
    />
  );

  return (
    <form className="department-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={pending || undefined}>
      {showSummary ? (
        <ErrorSummary
          title={t('departments.form.errorTitle')}
          problem={failure.problem}
          attempt={failure.attempt}
          fields={summary}
          formMessages={failure.formMessages}
        />
      ) : null}

      <div className="form-grid">
        <Controller
          control={control}
          name="code"
          render={({ field }) => (
            <TextInputField
              id={fieldId('code')}
              name="code"
              label={labels.code}
              hint={mode === 'create' ? t('departments.form.codeHint') : t('departments.form.codeFixed')}
              errors={errorsOf('code')}
              className="form-grid__code"
              inputClassName="input input--code"
              value={field.value}
              onValueChange={(typed) => field.onChange(typed.toUpperCase())}
              onBlur={field.onBlur}
              readOnly={mode === 'edit'}
              required
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={64}
            />
          )}
        />

        <Controller
          control={control}
          name="facultyCode"
          render={({ field }) => (
            <FormField
              id={fieldId('facultyCode')}
              name="facultyCode"
              label={labels.facultyCode}
              errors={errorsOf('facultyCode')}
              className="form-grid__faculty"
            >
              {(controlProps) => (
                <select
                  {...controlProps}
                  className="input"
                  value={field.value}
                  onChange={(event) => field.onChange(event.target.value)}
                  onBlur={field.onBlur}
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
          )}
        />

        {nameField('nameSv')}
        {nameField('nameEn')}
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
