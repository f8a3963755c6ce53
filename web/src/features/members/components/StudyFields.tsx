import { useTranslation } from 'react-i18next';
import type { FacultyResponse } from '../../../api/generated';
import { FormField, TextInputField } from '../../../components/FormField';
import { DEGREE_TYPES } from '../options';
import type { StudyField, StudyValues } from '../study-form';
import { DepartmentSelect } from './DepartmentSelect';
import './network.css';
import './sign-up.css';

export interface StudyFieldsProps {
  /** Prefix of the controls' ids: `<prefix>-<field>`. */
  idPrefix: string;
  values: StudyValues;
  onChange: (field: StudyField, value: string) => void;
  errors?: Partial<Record<StudyField, readonly string[]>>;
  faculties: readonly FacultyResponse[] | undefined;
}

export function studyFieldId(idPrefix: string, field: StudyField): string {
  return `${idPrefix}-${field}`;
}

/** The fields of one study: department, programme, degree, years and credits. */
export function StudyFields({ idPrefix, values, onChange, errors, faculties }: StudyFieldsProps) {
  const { t } = useTranslation();
  const id = (field: StudyField) => studyFieldId(idPrefix, field);
  return (
    <div className="study-grid">
      <FormField
        id={id('departmentCode')}
        name="departmentCode"
        label={t('members.study.department')}
        errors={errors?.departmentCode}
        className="study-grid__department"
      >
        {(control) => (
          <DepartmentSelect
            control={control}
            value={values.departmentCode}
            onChange={(code) => onChange('departmentCode', code)}
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
        errors={errors?.degreeType}
        className="study-grid__degree"
      >
        {(control) => (
          <select
            {...control}
            className="input"
            value={values.degreeType}
            onChange={(event) => onChange('degreeType', event.target.value)}
            required
          >
            <option value="">{t('members.study.chooseDegree')}</option>
            {DEGREE_TYPES.map((degree) => (
              <option key={degree} value={degree}>
                {t(`members.degree.${degree}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <TextInputField
        id={id('programme')}
        name="programme"
        label={t('members.study.programme')}
        errors={errors?.programme}
        className="study-grid__programme"
        value={values.programme}
        onValueChange={(value) => onChange('programme', value)}
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
          errors={errors?.[field]}
          className="study-grid__number"
          inputClassName="input input--year"
          inputMode="numeric"
          value={values[field]}
          onValueChange={(value) => onChange(field, value)}
          autoComplete="off"
          maxLength={4}
        />
      ))}
      <TextInputField
        id={id('credits')}
        name="credits"
        label={t('members.study.credits')}
        hint={t('members.study.creditsHint')}
        errors={errors?.credits}
        className="study-grid__number"
        inputClassName="input input--year"
        inputMode="decimal"
        value={values.credits}
        onValueChange={(value) => onChange('credits', value)}
        autoComplete="off"
        required
        maxLength={10}
      />
    </div>
  );
}
