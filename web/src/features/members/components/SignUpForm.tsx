import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { Controller, useFieldArray, useForm, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FacultyResponse, SignUpRequest } from '../../../api/generated';
import { ErrorSummary, type ErrorSummaryField } from '../../../components/ErrorSummary';
import { FormField, TextInputField, fieldErrorId } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { LANGUAGES } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { CONSENT_CHANNELS } from '../options';
import { toggleChoice } from '../choice';
import { signUpFieldResolver, signUpSchema, toSignUpRequest, type SignUpValues } from '../sign-up-form';
import { emptyStudy, STUDY_FIELDS, type StudyField } from '../study-form';
import { ChoiceGroup, choiceId } from './ChoiceGroup';
import { StudyFields, studyFieldId } from './StudyFields';
import { focusSoon } from '../../../lib/focus';
import './network.css';
import './sign-up.css';

const ID = 'join';
type TopField = 'firstName' | 'lastName' | 'email' | 'preferredLanguage' | 'consents' | 'confirmsCredits';
const fieldId = (field: TopField) => `${ID}-${field}`;
const studyPrefix = (index: number) => `${ID}-study-${index}`;
const CONSENTS_ID = fieldId('consents');
const STUDIES_ID = `${ID}-studies`;

export interface SignUpFormProps {
  initialValues: SignUpValues;
  faculties: readonly FacultyResponse[] | undefined;
  facultiesError: unknown;
  onRetryFaculties: () => void;
  campaignToken?: string;
  /** The last submission's error, or null. */
  error: unknown;
  pending: boolean;
  onSubmit: (request: SignUpRequest, values: SignUpValues) => void;
}

/**
 * The sign-up form: name, address, language, one or more studies, consents and the credits
 * confirmation. The API's rules are checked here first (signUpSchema), all at once, so one
 * submission shows every message; what only the server can judge (a department that is no longer
 * active, an invitation link) comes back on the fields, nested ones (`affiliations[1].credits`) on
 * that study's field.
 */
export function SignUpForm({
  initialValues,
  faculties,
  facultiesError,
  onRetryFaculties,
  campaignToken,
  error,
  pending,
  onSubmit,
}: SignUpFormProps) {
  const { t } = useTranslation();
  // The messages are in the UI language: the rules are made again when it changes.
  const schema = useMemo(() => signUpSchema(t), [t]);
  const { control, register, handleSubmit, setError, formState } = useForm<SignUpValues>({
    resolver: zodResolver(schema),
    defaultValues: initialValues,
    shouldFocusError: false,
  });
  const { errors } = formState;
  const studies = useFieldArray({ control, name: 'affiliations' });
  // The server's indexes refer to the studies as they were sent.
  const [sentStudies, setSentStudies] = useState(initialValues.affiliations.length);

  // A new error from the server puts its messages on the fields and shows the summary again.
  const { failure, refuse, clear } = useFormFailure(error, setError, signUpFieldResolver(sentStudies));

  const send = (values: SignUpValues) => {
    if (pending) return;
    clear();
    setSentStudies(values.affiliations.length);
    onSubmit(toSignUpRequest(values, campaignToken), values);
  };

  const addStudy = () => {
    const index = studies.fields.length;
    studies.append(emptyStudy(), { shouldFocus: false });
    // Focus the new study's first field once it is there.
    focusSoon(studyFieldId(studyPrefix(index), 'departmentCode'));
  };

  const removeStudy = (index: number) => {
    // Its messages go with it; the other studies' messages move along with them.
    studies.remove(index);
    focusSoon(`${ID}-add-study`);
  };

  const labels: Record<TopField | 'affiliations', string> = {
    firstName: t('join.firstName'),
    lastName: t('join.lastName'),
    email: t('join.email'),
    preferredLanguage: t('join.language'),
    affiliations: t('join.studiesTitle'),
    consents: t('join.consentsTitle'),
    confirmsCredits: t('join.confirmsCredits'),
  };
  const studyLabels: Record<StudyField | 'study', string> = {
    departmentCode: t('members.study.department'),
    programme: t('members.study.programme'),
    degreeType: t('members.study.degreeType'),
    startYear: t('members.study.startYear'),
    endYear: t('members.study.endYear'),
    credits: t('members.study.credits'),
    study: t('join.studyWhole'),
  };
  const at = (path: string) => messagesAt(errors, path);
  const studiesMessages = at('affiliations.root');
  const confirmsMessages = at('confirmsCredits');

  const summaryFields = (fieldErrors: FieldErrors<SignUpValues>): ErrorSummaryField[] => {
    const messages = (path: string) => messagesAt(fieldErrors, path);
    const entry = (field: TopField, id = fieldId(field)) => ({ id, label: labels[field], messages: messages(field) });
    const list: ErrorSummaryField[] = [
      entry('firstName'),
      entry('lastName'),
      entry('email'),
      entry('preferredLanguage'),
      { id: studyFieldId(studyPrefix(0), 'departmentCode'), label: labels.affiliations, messages: messages('affiliations.root') },
    ];
    studies.fields.forEach((_, index) => {
      const study = t('join.studyTitle', { number: index + 1 });
      for (const slot of ['study', ...STUDY_FIELDS] as const) {
        list.push({
          id: studyFieldId(studyPrefix(index), slot === 'study' ? 'departmentCode' : slot),
          label: t('join.fieldInStudy', { study, field: studyLabels[slot] }),
          messages: messages(`affiliations.${index}.${slot === 'study' ? 'root' : slot}`),
        });
      }
    });
    list.push(entry('consents', choiceId(CONSENTS_ID, CONSENT_CHANNELS[0])), entry('confirmsCredits'));
    return list.filter((field) => field.messages.length > 0);
  };
  const summary = summaryFields(errors);
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));

  return (
    <form className="stack-form sign-up" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={pending || undefined}>
      {showSummary ? (
        <ErrorSummary
          title={t('join.failed')}
          problem={failure.problem}
          attempt={failure.attempt}
          fields={summary}
          formMessages={failure.formMessages}
        />
      ) : null}

      <section className="panel" aria-labelledby={`${ID}-about-heading`}>
        <h2 id={`${ID}-about-heading`} className="panel__title">
          {t('join.formTitle')}
        </h2>
        <div className="form-grid">
          {(['firstName', 'lastName', 'email'] as const).map((name) => (
            <Controller
              key={name}
              control={control}
              name={name}
              render={({ field }) => (
                <TextInputField
                  id={fieldId(name)}
                  name={name}
                  label={labels[name]}
                  hint={name === 'email' ? t('join.emailHint') : undefined}
                  errors={at(name)}
                  className={name === 'email' ? 'form-grid__wide' : 'form-grid__name'}
                  type={name === 'email' ? 'email' : 'text'}
                  value={field.value}
                  onValueChange={field.onChange}
                  onBlur={field.onBlur}
                  autoComplete={name === 'firstName' ? 'given-name' : name === 'lastName' ? 'family-name' : 'email'}
                  spellCheck={name === 'email' ? false : undefined}
                  required
                  maxLength={name === 'email' ? 320 : 200}
                />
              )}
            />
          ))}
          <FormField
            id={fieldId('preferredLanguage')}
            name="preferredLanguage"
            label={labels.preferredLanguage}
            errors={at('preferredLanguage')}
            className="form-grid__code"
          >
            {(controlProps) => (
              <select {...controlProps} {...register('preferredLanguage')} className="input">
                {LANGUAGES.map((lng) => (
                  <option key={lng} value={lng} lang={lng}>
                    {t(`language.${lng}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
      </section>

      <section
        id={STUDIES_ID}
        className={['panel', studiesMessages.length ? 'panel--invalid' : ''].filter(Boolean).join(' ')}
        aria-labelledby={`${ID}-studies-heading`}
        aria-describedby={`${ID}-studies-hint${studiesMessages.length ? ` ${fieldErrorId(STUDIES_ID)}` : ''}`}
      >
        <h2 id={`${ID}-studies-heading`} className="panel__title">
          {labels.affiliations}
        </h2>
        <p className="field__hint" id={`${ID}-studies-hint`}>
          {t('join.studiesHint')}
        </p>
        {studiesMessages.length ? (
          <p className="field__error" id={fieldErrorId(STUDIES_ID)}>
            {studiesMessages.map((message, i) => (
              <span key={i} className="field__error-line">
                {message}
              </span>
            ))}
          </p>
        ) : null}
        {facultiesError ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={toProblem(facultiesError)} lead={t('members.departmentsLoadError')} />
            <button type="button" className="button button--small" onClick={onRetryFaculties}>
              {t('common.retry')}
            </button>
          </div>
        ) : null}
        <ol className="study-list">
          {studies.fields.map((study, index) => {
            const number = index + 1;
            const whole = at(`affiliations.${index}.root`);
            return (
              <li key={study.id} className="study-list__item">
                <fieldset className="fieldset study" aria-describedby={whole.length ? `${studyPrefix(index)}-error` : undefined}>
                  <legend className="field__label">{t('join.studyTitle', { number })}</legend>
                  {whole.length ? (
                    <p className="field__error" id={`${studyPrefix(index)}-error`}>
                      {whole.map((message, i) => (
                        <span key={i} className="field__error-line">
                          {message}
                        </span>
                      ))}
                    </p>
                  ) : null}
                  <StudyFields
                    idPrefix={studyPrefix(index)}
                    control={control}
                    path={(field) => `affiliations.${index}.${field}` as const}
                    faculties={faculties}
                  />
                  {studies.fields.length > 1 ? (
                    <div className="form-actions">
                      <button type="button" className="button button--small button--danger" onClick={() => removeStudy(index)}>
                        {t('join.removeStudy', { number })}
                      </button>
                    </div>
                  ) : null}
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div className="form-actions">
          <button type="button" id={`${ID}-add-study`} className="button" onClick={addStudy}>
            {t('join.addStudy')}
          </button>
        </div>
      </section>

      <section className="panel" aria-labelledby={`${ID}-consents-heading`}>
        <h2 id={`${ID}-consents-heading`} className="panel__title">
          {labels.consents}
        </h2>
        <Controller
          control={control}
          name="consents"
          render={({ field }) => (
            <ChoiceGroup
              id={CONSENTS_ID}
              name="consents"
              legend={t('join.consentsLegend')}
              hint={t('join.consentsHint')}
              choices={CONSENT_CHANNELS.map((channel) => ({
                value: channel,
                label: t(`members.consent.${channel}.label`),
                hint: t(`members.consent.${channel}.hint`),
              }))}
              chosen={field.value}
              onToggle={(channel, on) => field.onChange(toggleChoice(CONSENT_CHANNELS, field.value, channel, on))}
              errors={at('consents')}
            />
          )}
        />
      </section>

      <div className={['confirm-box', confirmsMessages.length ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
        <input
          id={fieldId('confirmsCredits')}
          type="checkbox"
          className="checkbox"
          {...register('confirmsCredits')}
          aria-invalid={confirmsMessages.length ? true : undefined}
          aria-describedby={[
            confirmsMessages.length ? fieldErrorId(fieldId('confirmsCredits')) : null,
            `${fieldId('confirmsCredits')}-hint`,
          ]
            .filter(Boolean)
            .join(' ')}
        />
        <label htmlFor={fieldId('confirmsCredits')}>{labels.confirmsCredits}</label>
        <p className="field__hint confirm-box__hint" id={`${fieldId('confirmsCredits')}-hint`}>
          {t('join.confirmsCreditsHint')}
        </p>
        {confirmsMessages.length ? (
          <p className="field__error confirm-box__hint" id={fieldErrorId(fieldId('confirmsCredits'))}>
            {confirmsMessages.map((message, i) => (
              <span key={i} className="field__error-line">
                {message}
              </span>
            ))}
          </p>
        ) : null}
      </div>

      <div className="form-actions">
        <button type="submit" id={`${ID}-submit`} className="button button--primary button--large" aria-disabled={pending || undefined}>
          {pending ? t('join.submitting') : t('join.submit')}
        </button>
      </div>
    </form>
  );
}
