import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FacultyResponse } from '../../../api/generated';
import { FormField, TextInputField } from '../../../components/FormField';
import { DEGREE_TYPES } from '../options';
import type { StudyField } from '../study-form';
import { DepartmentSelect } from './DepartmentSelect';
import './network.css';
import './sign-up.css';

export interface StudyFieldsProps<T extends FieldValues> {
  /** Prefix of the controls' ids: `<prefix>-<field>`. */
  idPrefix: string;
  /** The form the study belongs to (react-hook-form), and where in it each of its fields is. */
  control: Control<T>;
  path: (field: StudyField) => Path<T>;
  faculties: readonly FacultyResponse[] | undefined;
}

export function studyFieldId(idPrefix: string, field: StudyField): string {
  return `${idPrefix}-${field}`;
}

/** One field of the study: its value as text, its change, and its message (if any) for FormField. */
function useStudyField<T extends FieldValues>(control: Control<T>, name: Path<T>) {
  const { field, fieldState } = useController({ control, name });
  return {
    name: field.name,
    value: typeof field.value === 'string' ? field.value : '',
    onChange: (value: string) => field.onChange(value),
    onBlur: field.onBlur,
    errors: fieldState.error?.message ? [fieldState.error.message] : undefined,
  };
}

/** The fields of one study: department, programme, degree, years and credits. */
export function StudyFields<T extends FieldValues>({ idPrefix, control, path, faculties }: StudyFieldsProps<T>) {
  const { t } = useTranslation();
  const id = (field: StudyField) => studyFieldId(idPrefix, field);
  const department = useStudyField(control, path('departmentCode'));
  const degree = useStudyField(control, path('degreeType'));
  const programme = useStudyField(control, path('programme'));
  const startYear = useStudyField(control, path('startYear'));
  const endYear = useStudyField(control, path('endYear'));
  const credits = useStudyField(control, path('credits'));
  const years = { startYear, endYear };
  return (
    <div className="study-grid">
      <FormField
        id={id('departmentCode')}
        name="departmentCode"
        label={t('members.study.department')}
        errors={department.errors}
        className="study-grid__department"
      >
        {(controlProps) => (
          <DepartmentSelect
            control={controlProps}
            value={department.value}
            onChange={department.onChange}
            onBlur={department.onBlur}
            faculties={faculties}
            emptyLabel={t('members.study.chooseDepartment')}
            required
          />
        )}
      </FormField>
      <FormField
        id={id('degreeType')}
        name="degreeType"
        label={t('members.study.degreeType')}
        errors={degree.errors}
        className="study-grid__degree"
      >
        {(controlProps) => (
          <select
            {...controlProps}
            className="input"
            value={degree.value}
            onChange={(event) => degree.onChange(event.target.value)}
            onBlur={degree.onBlur}
            required
          >
            <option value="">{t('members.study.chooseDegree')}</option>
            {DEGREE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`members.degree.${type}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <TextInputField
        id={id('programme')}
        name="programme"
        label={t('members.study.programme')}
        errors={programme.errors}
        className="study-grid__programme"
        value={programme.value}
        onValueChange={programme.onChange}
        onBlur={programme.onBlur}
        autoComplete="off"
        maxLength={400}
      />
      {(['startYear', 'endYear'] as const).map((field) => (
        <TextInputField
          key={field}
          id={id(field)}
          name={field}
          label={t(`members.study.${field}`)}
          hint={t('members.study.yearHint')}
          errors={years[field].errors}
          className="study-grid__number"
          inputClassName="input input--year"
          inputMode="numeric"
          value={years[field].value}
          onValueChange={years[field].onChange}
          onBlur={years[field].onBlur}
          autoComplete="off"
          maxLength={4}
        />
      ))}
      <TextInputField
        id={id('credits')}
        name="credits"
        label={t('members.study.credits')}
        hint={t('members.study.creditsHint')}
        errors={credits.errors}
        className="study-grid__number"
        inputClassName="input input--year"
        inputMode="decimal"
        value={credits.value}
        onValueChange={credits.onChange}
        onBlur={credits.onBlur}
        autoComplete="off"
        required
        maxLength={10}
      />
    </div>
  );
}
