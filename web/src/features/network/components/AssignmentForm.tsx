import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AssignmentResponse } from '../../../api/generated';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField, TextInputField } from '../../../components/FormField';
import { useFaculties } from '../../../lib/departments/faculties';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { currentLanguage, localName } from '../../../lib/i18n';
import { usePeopleSearch } from '../api/assignments';
import { ASSIGNMENT_FIELDS, assignmentSchema, type AssignmentValues } from '../assignment-form';
import { formatDay, swedishToday } from './assignment-format';

const ID = 'assignment';
type Field = (typeof ASSIGNMENT_FIELDS)[number];

export interface AssignmentFormProps {
  /** The assignment being changed; none: a new one (the person and department are chosen here). */
  assignment?: AssignmentResponse;
  defaults: AssignmentValues;
  /** Text to search the people list with at first (a person's address from the people page). */
  personSearch?: string;
  pending: boolean;
  /** The mutation's error: its field errors go on the fields. */
  error: unknown;
  submitLabel: string;
  onSubmit: (values: AssignmentValues) => void;
  onCancel: () => void;
}

/**
 * The office's assignment form: the person (picked from the people list, or by address, added first when new) and the
 * department when assigning; the kind, time share, start, role title and the contacts shown to the network.
 */
export function AssignmentForm({ assignment, defaults, personSearch = '', pending, error, submitLabel, onSubmit, onCancel }: AssignmentFormProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const creating = !assignment;
  const schema = useMemo(() => assignmentSchema(t, creating), [t, creating]);
  const { control, handleSubmit, setError, formState, setValue, register } = useForm<AssignmentValues>({
    resolver: zodResolver(schema),
    defaultValues: defaults,
    shouldFocusError: false,
  });
  const routes = useMemo(() => [...ASSIGNMENT_FIELDS], []);
  const { failure, refuse, clear } = useFormFailure(error, setError, routes, {
    conflictField: 'startedOn',
    conflictMessage: t('network.assignments.form.overlap'),
  });
  const faculties = useFaculties(false);
  const [search, setSearch] = useState(personSearch);
  const people = usePeopleSearch(creating ? search : '');
  const [mode, userId] = useWatch({ control, name: ['personMode', 'userId'] });

  // A person's address from the people page picks them once the list finds them.
  useEffect(() => {
    if (!creating || userId || !personSearch) return;
    const found = people.data?.find((p) => p.email.toLowerCase() === personSearch.trim().toLowerCase());
    if (found) setValue('userId', found.id);
  }, [creating, people.data, personSearch, setValue, userId]);

  const labels: Record<Field, string> = {
    userId: t('network.assignments.form.person'),
    email: t('network.assignments.form.email'),
    departmentCode: t('network.assignments.form.department'),
    kind: t('network.assignments.form.kind'),
    timeShare: t('network.assignments.form.timeShare'),
    startedOn: t('network.assignments.form.startedOn'),
    roleTitle: t('network.assignments.form.roleTitle'),
    contactEmail: t('network.assignments.form.contactEmail'),
    contactPhone: t('network.assignments.form.contactPhone'),
  };
  const errorsOf = (field: Field) => messagesAt(formState.errors, field);
  const summaryFields = (creating ? ASSIGNMENT_FIELDS : ASSIGNMENT_FIELDS.filter((f) => !['userId', 'email', 'departmentCode'].includes(f)))
    .filter((f) => mode === 'email' || f !== 'email')
    .map((field) => ({
      id: field === 'userId' ? `${ID}-person-search` : field === 'kind' ? `${ID}-kind-formal` : `${ID}-${field}`,
      label: labels[field],
      messages: errorsOf(field),
    }));
  const showSummary = showsSummary(failure, summaryFields.flatMap((f) => f.messages));

  const send = (values: AssignmentValues) => {
    if (pending) return;
    clear();
    onSubmit(values);
  };

  return (
    <form className="stack-form assignment-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={pending || undefined}>
      {showSummary ? (
        <ErrorSummary
          title={t('network.assignments.form.failed')}
          problem={failure.problem}
          attempt={failure.attempt}
          fields={summaryFields}
          formMessages={failure.formMessages}
        />
      ) : null}

      {assignment ? (
        <dl className="assignment-form__fixed">
          <dt>{labels.userId}</dt>
          <dd>{assignment.personName ?? t('network.directory.erased')}</dd>
          <dt>{labels.departmentCode}</dt>
          <dd>
            {localName({ nameSv: assignment.departmentNameSv, nameEn: assignment.departmentNameEn }, language)} ({assignment.departmentCode})
          </dd>
        </dl>
      ) : (
        <>
          <fieldset className={`fieldset${errorsOf('userId').length ? ' field--invalid' : ''}`}>
            <legend className="field__label">{labels.userId}</legend>
            <div className="checkbox-list">
              <label className="checkbox-list__item">
                <input type="radio" value="pick" {...register('personMode')} /> {t('network.assignments.form.pickPerson')}
              </label>
              <label className="checkbox-list__item">
                <input type="radio" value="email" {...register('personMode')} /> {t('network.assignments.form.byEmail')}
              </label>
            </div>
            {mode === 'pick' ? (
              <div className="assignment-form__person">
                <label className="field__label" htmlFor={`${ID}-person-search`}>
                  {t('network.assignments.form.searchPeople')}
                </label>
                <input
                  id={`${ID}-person-search`}
                  type="search"
                  className="input input--search"
                  value={search}
                  maxLength={200}
                  autoComplete="off"
                  aria-describedby={errorsOf('userId').length ? `${ID}-userId-error` : undefined}
                  aria-invalid={errorsOf('userId').length ? true : undefined}
                  onChange={(event) => setSearch(event.target.value)}
                />
                {search.trim().length < 2 ? (
                  <p className="field__hint">{t('network.assignments.form.searchHint')}</p>
                ) : people.data && people.data.length === 0 ? (
                  <p className="field__hint">{t('network.assignments.form.noPeople')}</p>
                ) : (
                  <ul className="assignment-form__matches" aria-label={t('network.assignments.form.matches')}>
                    {(people.data ?? []).slice(0, 20).map((person) => (
                      <li key={person.id}>
                        <label>
                          <input
                            type="radio"
                            name="assignment-person"
                            checked={userId === person.id}
                            onChange={() => setValue('userId', person.id, { shouldValidate: formState.isSubmitted })}
                          />{' '}
                          {person.erased ? t('network.directory.erased') : person.name ? `${person.name} (${person.email})` : person.email}
                        </label>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ) : (
              <Controller
                control={control}
                name="email"
                render={({ field }) => (
                  <TextInputField
                    id={`${ID}-email`}
                    name="email"
                    label={labels.email}
                    hint={t('network.assignments.form.emailHint')}
                    errors={errorsOf('email')}
                    type="email"
                    value={field.value}
                    onValueChange={field.onChange}
                    onBlur={field.onBlur}
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={320}
                  />
                )}
              />
            )}
            {errorsOf('userId').length ? (
              <p className="field__error" id={`${ID}-userId-error`}>
                {errorsOf('userId').map((m, i) => (
                  <span key={i} className="field__error-line">
                    {m}
                  </span>
                ))}
              </p>
            ) : null}
          </fieldset>

          <Controller
            control={control}
            name="departmentCode"
            render={({ field }) => (
              <FormField id={`${ID}-departmentCode`} name="departmentCode" label={labels.departmentCode} errors={errorsOf('departmentCode')}>
                {(props) => (
                  <select {...props} className="input" value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref}>
                    <option value="">{t('network.assignments.form.chooseDepartment')}</option>
                    {(faculties.data ?? []).map((faculty) => (
                      <optgroup key={faculty.code} label={localName(faculty, language)}>
                        {faculty.departments.map((d) => (
                          <option key={d.code} value={d.code}>
                            {localName(d, language)} ({d.code})
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                )}
              </FormField>
            )}
          />
        </>
      )}

      <fieldset className={`fieldset${errorsOf('kind').length ? ' field--invalid' : ''}`}>
        <legend className="field__label">{labels.kind}</legend>
        <div className="checkbox-list">
          {(['formal', 'informal'] as const).map((kind) => (
            <label key={kind} className="checkbox-list__item">
              <input id={`${ID}-kind-${kind}`} type="radio" value={kind} {...register('kind')} /> {t(`network.assignments.kinds.${kind}`)}
              <span className="checkbox-list__hint">{t(`network.assignments.kindHints.${kind}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <Controller
        control={control}
        name="timeShare"
        render={({ field }) => (
          <TextInputField
            id={`${ID}-timeShare`}
            name="timeShare"
            label={labels.timeShare}
            hint={t('network.assignments.form.timeShareHint')}
            errors={errorsOf('timeShare')}
            inputClassName="input input--short"
            inputMode="numeric"
            value={field.value}
            onValueChange={field.onChange}
            onBlur={field.onBlur}
            maxLength={3}
          />
        )}
      />
      <Controller
        control={control}
        name="startedOn"
        render={({ field }) => (
          <TextInputField
            id={`${ID}-startedOn`}
            name="startedOn"
            label={labels.startedOn}
            hint={t('network.assignments.form.startedOnHint', { today: formatDay(swedishToday(), language) })}
            errors={errorsOf('startedOn')}
            inputClassName="input input--date"
            type="date"
            max={swedishToday()}
            value={field.value}
            onValueChange={field.onChange}
            onBlur={field.onBlur}
          />
        )}
      />
      <Controller
        control={control}
        name="roleTitle"
        render={({ field }) => (
          <TextInputField
            id={`${ID}-roleTitle`}
            name="roleTitle"
            label={labels.roleTitle}
            hint={t('network.assignments.form.roleTitleHint')}
            errors={errorsOf('roleTitle')}
            value={field.value}
            onValueChange={field.onChange}
            onBlur={field.onBlur}
            maxLength={200}
          />
        )}
      />
      <Controller
        control={control}
        name="contactEmail"
        render={({ field }) => (
          <TextInputField
            id={`${ID}-contactEmail`}
            name="contactEmail"
            label={labels.contactEmail}
            hint={t('network.assignments.form.contactHint')}
            errors={errorsOf('contactEmail')}
            type="email"
            value={field.value}
            onValueChange={field.onChange}
            onBlur={field.onBlur}
            autoComplete="off"
            spellCheck={false}
            maxLength={254}
          />
        )}
      />
      <Controller
        control={control}
        name="contactPhone"
        render={({ field }) => (
          <TextInputField
            id={`${ID}-contactPhone`}
            name="contactPhone"
            label={labels.contactPhone}
            errors={errorsOf('contactPhone')}
            type="tel"
            value={field.value}
            onValueChange={field.onChange}
            onBlur={field.onBlur}
            autoComplete="off"
            maxLength={40}
          />
        )}
      />

      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
          {pending ? t('common.saving') : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
