import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentChannel, FacultyResponse, SignUpRequest } from '../../../api/generated';
import { FormField, TextInputField, fieldErrorId } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { LANGUAGES } from '../../../lib/i18n';
import { toProblem, type Problem } from '../../../lib/problem-details';
import { CONSENT_CHANNELS } from '../options';
import { toggleChoice } from '../profile-form';
import {
  hasSignUpErrors,
  SIGN_UP_FIELDS,
  toSignUpErrors,
  toSignUpRequest,
  type SignUpErrors,
  type SignUpField,
  type SignUpValues,
} from '../sign-up-form';
import { emptyStudy, STUDY_FIELDS, studyInputProblems, type StudyField } from '../study-form';
import { ChoiceGroup, choiceId } from './ChoiceGroup';
import { StudyFields, studyFieldId } from './StudyFields';
import { focusSoon } from '../../../lib/focus';
import './network.css';
import './sign-up.css';

const ID = 'join';
const fieldId = (field: SignUpField) => `${ID}-${field}`;
const studyPrefix = (index: number) => `${ID}-study-${index}`;
const CONSENTS_ID = fieldId('consents');
const STUDIES_ID = `${ID}-studies`;

/** Where an error summary link for a top-level field leads. */
function focusTarget(field: SignUpField): string {
  if (field === 'consents') return choiceId(CONSENTS_ID, CONSENT_CHANNELS[0]);
  if (field === 'affiliations') return studyFieldId(studyPrefix(0), 'departmentCode');
  if (field === 'campaignToken') return `${ID}-submit`;
  return fieldId(field);
}

/** A key of one message place, to hide it once the user has changed that field. */
type ErrorPlace = SignUpField | `study-${number}-${StudyField | 'study'}`;

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
 * confirmation. The server judges the values; its messages land on the fields, nested ones
 * (`affiliations[1].credits`) on that study's field. Only what cannot be sent at all (no degree, a
 * year or credits that are not numbers) is caught here first.
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
  const [values, setValues] = useState<SignUpValues>(initialValues);
  const [localErrors, setLocalErrors] = useState<SignUpErrors | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<ErrorPlace>>(new Set());
  // Each study's stable key (rows can be removed from the middle).
  const nextKey = useRef(initialValues.studies.length);
  const [studyKeys, setStudyKeys] = useState<number[]>(() => initialValues.studies.map((_, i) => i));
  const summaryRef = useRef<HTMLDivElement>(null);

  // The answer's indexes refer to the studies as they were sent.
  const [sentStudies, setSentStudies] = useState(initialValues.studies.length);
  const serverProblem = useMemo(() => (error ? toProblem(error) : null), [error]);
  const serverErrors = useMemo(
    () => (serverProblem ? toSignUpErrors(serverProblem, sentStudies) : null),
    [serverProblem, sentStudies],
  );
  const errors = localErrors ?? serverErrors;
  const problem: Problem | null = localErrors ? null : serverProblem;

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a new error from the server shows all its messages again, together with the focus move to the summary
    setTouched(new Set());
    if (error || localErrors) summaryRef.current?.focus();
  }, [error, localErrors]);

  const fieldErrors = (field: SignUpField) => (touched.has(field) ? undefined : errors?.fields[field]);
  const studyErrors = (index: number) => {
    const study = errors?.studies[index];
    if (!study) return undefined;
    const visible: Partial<Record<StudyField, string[]>> = {};
    for (const field of STUDY_FIELDS) {
      if (!touched.has(`study-${index}-${field}`) && study[field]) visible[field] = study[field];
    }
    return visible;
  };

  const touch = (...places: ErrorPlace[]) =>
    setTouched((current) => {
      const next = new Set(current);
      for (const place of places) next.add(place);
      return next;
    });

  const set = <K extends keyof SignUpValues>(field: K & SignUpField, value: SignUpValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    touch(field);
  };

  const setStudy = (index: number, field: StudyField, value: string) => {
    setValues((current) => ({
      ...current,
      studies: current.studies.map((study, i) => (i === index ? { ...study, [field]: value } : study)),
    }));
    touch(`study-${index}-${field}`);
  };

  const addStudy = () => {
    setValues((current) => ({ ...current, studies: [...current.studies, emptyStudy()] }));
    setStudyKeys((keys) => [...keys, nextKey.current++]);
    const index = values.studies.length;
    // Focus the new study's first field once it is there.
    focusSoon(studyFieldId(studyPrefix(index), 'departmentCode'));
  };

  const removeStudy = (index: number) => {
    setValues((current) => ({ ...current, studies: current.studies.filter((_, i) => i !== index) }));
    setStudyKeys((keys) => keys.filter((_, i) => i !== index));
    // The server's messages were about the old order: hide every study's messages.
    const places: ErrorPlace[] = ['affiliations'];
    values.studies.forEach((_, i) => {
      places.push(`study-${i}-study`);
      for (const field of STUDY_FIELDS) places.push(`study-${i}-${field}`);
    });
    touch(...places);
    focusSoon(`${ID}-add-study`);
  };

  const inputProblemMessage = (kind: 'degree' | 'year' | 'credits') => t(`members.study.problems.${kind}`);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const local: SignUpErrors = { fields: {}, studies: values.studies.map(() => ({})), form: [] };
    values.studies.forEach((study, index) => {
      for (const [field, kind] of Object.entries(studyInputProblems(study))) {
        local.studies[index][field as StudyField] = [inputProblemMessage(kind)];
      }
    });
    if (hasSignUpErrors(local)) {
      setLocalErrors(local);
      return;
    }
    setLocalErrors(null);
    setSentStudies(values.studies.length);
    onSubmit(toSignUpRequest(values, campaignToken), values);
  };

  const labels: Record<SignUpField, string> = {
    firstName: t('join.firstName'),
    lastName: t('join.lastName'),
    email: t('join.email'),
    preferredLanguage: t('join.language'),
    affiliations: t('join.studiesTitle'),
    consents: t('join.consentsTitle'),
    confirmsCredits: t('join.confirmsCredits'),
    campaignToken: t('join.invitationLink'),
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

  const summaryLinks: Array<{ id: string; label: string; messages: string[] }> = [];
  if (errors) {
    for (const field of SIGN_UP_FIELDS) {
      const messages = errors.fields[field];
      if (messages?.length) summaryLinks.push({ id: focusTarget(field), label: labels[field], messages });
    }
    errors.studies.forEach((study, index) => {
      for (const slot of [...STUDY_FIELDS, 'study'] as const) {
        const messages = study[slot];
        if (!messages?.length) continue;
        summaryLinks.push({
          id: studyFieldId(studyPrefix(index), slot === 'study' ? 'departmentCode' : slot),
          label: t('join.fieldInStudy', { study: t('join.studyTitle', { number: index + 1 }), field: studyLabels[slot] }),
          messages,
        });
      }
    });
  }

  return (
    <form className="stack-form sign-up" noValidate onSubmit={submit} aria-busy={pending || undefined}>
      {errors ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <p className="error-summary__title">{t('join.failed')}</p>
          <p className="error-summary__body">
            {summaryLinks.length > 0 || !problem ? t('problems.validation') : <ProblemMessage problem={problem} />}
          </p>
          {summaryLinks.length > 0 || errors.form.length > 0 ? (
            <ul className="error-summary__list">
              {summaryLinks.map((link) => (
                <li key={`${link.id}-${link.label}`}>
                  <a
                    href={`#${link.id}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(link.id)?.focus();
                    }}
                  >
                    {link.label}: {link.messages.join(' ')}
                  </a>
                </li>
              ))}
              {errors.form.map((message, i) => (
                <li key={`form-${i}`}>{message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <section className="panel" aria-labelledby={`${ID}-about-heading`}>
        <h2 id={`${ID}-about-heading`} className="panel__title">
          {t('join.formTitle')}
        </h2>
        <div className="form-grid">
          <TextInputField
            id={fieldId('firstName')}
            name="firstName"
            label={labels.firstName}
            errors={fieldErrors('firstName')}
            className="form-grid__name"
            value={values.firstName}
            onValueChange={(value) => set('firstName', value)}
            autoComplete="given-name"
            required
            maxLength={200}
          />
          <TextInputField
            id={fieldId('lastName')}
            name="lastName"
            label={labels.lastName}
            errors={fieldErrors('lastName')}
            className="form-grid__name"
            value={values.lastName}
            onValueChange={(value) => set('lastName', value)}
            autoComplete="family-name"
            required
            maxLength={200}
          />
          <TextInputField
            id={fieldId('email')}
            name="email"
            label={labels.email}
            hint={t('join.emailHint')}
            errors={fieldErrors('email')}
            className="form-grid__wide"
            type="email"
            value={values.email}
            onValueChange={(value) => set('email', value)}
            autoComplete="email"
            spellCheck={false}
            required
            maxLength={320}
          />
          <FormField
            id={fieldId('preferredLanguage')}
            name="preferredLanguage"
            label={labels.preferredLanguage}
            errors={fieldErrors('preferredLanguage')}
            className="form-grid__code"
          >
            {(control) => (
              <select
                {...control}
                className="input"
                value={values.preferredLanguage}
                onChange={(event) => set('preferredLanguage', event.target.value === 'en' ? 'en' : 'sv')}
              >
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
        className={['panel', fieldErrors('affiliations')?.length ? 'panel--invalid' : ''].filter(Boolean).join(' ')}
        aria-labelledby={`${ID}-studies-heading`}
        aria-describedby={`${ID}-studies-hint${fieldErrors('affiliations')?.length ? ` ${fieldErrorId(STUDIES_ID)}` : ''}`}
      >
        <h2 id={`${ID}-studies-heading`} className="panel__title">
          {labels.affiliations}
        </h2>
        <p className="field__hint" id={`${ID}-studies-hint`}>
          {t('join.studiesHint')}
        </p>
        {fieldErrors('affiliations')?.length ? (
          <p className="field__error" id={fieldErrorId(STUDIES_ID)}>
            {fieldErrors('affiliations')?.map((message, i) => (
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
          {values.studies.map((study, index) => {
            const number = index + 1;
            const whole = touched.has(`study-${index}-study`) ? undefined : errors?.studies[index]?.study;
            return (
              <li key={studyKeys[index]} className="study-list__item">
                <fieldset className="fieldset study" aria-describedby={whole?.length ? `${studyPrefix(index)}-error` : undefined}>
                  <legend className="field__label">{t('join.studyTitle', { number })}</legend>
                  {whole?.length ? (
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
                    values={study}
                    onChange={(field, value) => setStudy(index, field, value)}
                    errors={studyErrors(index)}
                    faculties={faculties}
                  />
                  {values.studies.length > 1 ? (
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
        <ChoiceGroup<ConsentChannel>
          id={CONSENTS_ID}
          name="consents"
          legend={t('join.consentsLegend')}
          hint={t('join.consentsHint')}
          choices={CONSENT_CHANNELS.map((channel) => ({
            value: channel,
            label: t(`members.consent.${channel}.label`),
            hint: t(`members.consent.${channel}.hint`),
          }))}
          chosen={values.consents}
          onToggle={(channel, on) => set('consents', toggleChoice(CONSENT_CHANNELS, values.consents, channel, on))}
          errors={fieldErrors('consents')}
        />
      </section>

      <div
        className={['confirm-box', fieldErrors('confirmsCredits')?.length ? 'field--invalid' : ''].filter(Boolean).join(' ')}
      >
        <input
          id={fieldId('confirmsCredits')}
          type="checkbox"
          className="checkbox"
          name="confirmsCredits"
          checked={values.confirmsCredits}
          onChange={(event) => set('confirmsCredits', event.target.checked)}
          aria-invalid={fieldErrors('confirmsCredits')?.length ? true : undefined}
          aria-describedby={[
            fieldErrors('confirmsCredits')?.length ? fieldErrorId(fieldId('confirmsCredits')) : null,
            `${fieldId('confirmsCredits')}-hint`,
          ]
            .filter(Boolean)
            .join(' ')}
        />
        <label htmlFor={fieldId('confirmsCredits')}>{labels.confirmsCredits}</label>
        <p className="field__hint confirm-box__hint" id={`${fieldId('confirmsCredits')}-hint`}>
          {t('join.confirmsCreditsHint')}
        </p>
        {fieldErrors('confirmsCredits')?.length ? (
          <p className="field__error confirm-box__hint" id={fieldErrorId(fieldId('confirmsCredits'))}>
            {fieldErrors('confirmsCredits')?.map((message, i) => (
              <span key={i} className="field__error-line">
                {message}
              </span>
            ))}
          </p>
        ) : null}
      </div>

      {fieldErrors('campaignToken')?.length ? (
        <p className="notice notice--warning">{fieldErrors('campaignToken')?.join(' ')}</p>
      ) : null}

      <div className="form-actions">
        <button type="submit" id={`${ID}-submit`} className="button button--primary button--large" aria-disabled={pending || undefined}>
          {pending ? t('join.submitting') : t('join.submit')}
        </button>
      </div>
    </form>
  );
}
