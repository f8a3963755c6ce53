import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryField, MemberOffer } from '../../../api/generated';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { fieldErrorId, FormField, TextInputField } from '../../../components/FormField';
import { LANGUAGES } from '../../../lib/i18n';
import { toFormErrors, toProblem } from '../../../lib/problem-details';
import { DIRECTORY_FIELDS, MEMBER_OFFERS } from '../options';
import { PROFILE_FIELDS, toggleChoice, type ProfileField, type ProfileValues } from '../profile-form';
import { ChoiceGroup, choiceId } from './ChoiceGroup';
import './network.css';
import './sign-up.css';
import './profile.css';

export interface ProfileFormProps {
  /** Prefix of the controls' ids, unique on the page. */
  idPrefix: string;
  values: ProfileValues;
  onChange: <K extends keyof ProfileValues>(field: K, value: ProfileValues[K]) => void;
  /** The last save's error, or null. */
  error: unknown;
  pending: boolean;
  onSubmit: () => void;
  submitLabel: string;
  /** Whose profile: the member's own ("you") or a member's, edited by staff. */
  audience: 'member' | 'staff';
  /** Shown beside the save button (e.g. Cancel). */
  extraActions?: ReactNode;
}

type TextField = Exclude<ProfileField, 'preferredLanguage' | 'offers' | 'directoryListed' | 'directoryFields'>;

/**
 * The profile fields of a member: name and language, work and location, more about them, and what the
 * directory shows. Validation is the server's; its messages land on the fields.
 */
export function ProfileForm({ idPrefix, values, onChange, error, pending, onSubmit, submitLabel, audience, extraActions }: ProfileFormProps) {
  const { t } = useTranslation();
  const [touched, setTouched] = useState<ReadonlySet<ProfileField>>(new Set());
  const problem = useMemo(() => (error ? toProblem(error) : null), [error]);
  const errors = useMemo(() => (problem ? toFormErrors(problem, PROFILE_FIELDS) : null), [problem]);
  const id = (field: ProfileField) => `${idPrefix}-${field}`;

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a new error from the server shows all its messages again
    setTouched(new Set());
  }, [error]);

  const errorsOf = (field: ProfileField) => (touched.has(field) ? undefined : errors?.fields[field]);
  const change = <K extends keyof ProfileValues>(field: K & ProfileField, value: ProfileValues[K]) => {
    onChange(field, value);
    if (errors?.fields[field]) setTouched((current) => new Set(current).add(field));
  };

  const labels: Record<ProfileField, string> = {
    firstName: t('profileForm.firstName'),
    lastName: t('profileForm.lastName'),
    preferredLanguage: t('profileForm.preferredLanguage'),
    otherEmails: t('profileForm.otherEmails'),
    country: t('profileForm.country'),
    city: t('profileForm.city'),
    employer: t('profileForm.employer'),
    jobTitle: t('profileForm.jobTitle'),
    industry: t('profileForm.industry'),
    linkedInUrl: t('profileForm.linkedInUrl'),
    bio: t('profileForm.bio'),
    interests: t('profileForm.interests'),
    offers: t(audience === 'member' ? 'profileForm.offers' : 'profileForm.offersStaff'),
    directoryListed: t(audience === 'member' ? 'profileForm.directoryListed' : 'profileForm.directoryListedStaff'),
    directoryFields: t('profileForm.directoryFields'),
  };
  const hints: Partial<Record<ProfileField, string>> = {
    otherEmails: t('profileForm.otherEmailsHint'),
    country: t('profileForm.countryHint'),
    linkedInUrl: t('profileForm.linkedInUrlHint'),
    bio: t('profileForm.bioHint'),
    interests: t('profileForm.interestsHint'),
  };
  const focusTargets: Record<ProfileField, string> = {
    ...(Object.fromEntries(PROFILE_FIELDS.map((field) => [field, id(field)])) as Record<ProfileField, string>),
    offers: choiceId(id('offers'), MEMBER_OFFERS[0]),
    directoryFields: choiceId(id('directoryFields'), DIRECTORY_FIELDS[0]),
  };

  const text = (field: TextField, options: { autoComplete?: string; maxLength?: number; wide?: boolean } = {}) => (
    <TextInputField
      id={id(field)}
      name={field}
      label={labels[field]}
      hint={hints[field]}
      errors={errorsOf(field)}
      className={options.wide ? 'form-grid__wide' : 'form-grid__name'}
      type={field === 'linkedInUrl' ? 'url' : 'text'}
      inputClassName={field === 'country' ? 'input input--year input--code' : 'input'}
      value={values[field]}
      onValueChange={(value) => change(field, field === 'country' ? value.toUpperCase() : value)}
      autoComplete={options.autoComplete ?? 'off'}
      maxLength={options.maxLength ?? 200}
    />
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!pending) onSubmit();
  };

  return (
    <form className="stack-form profile-form" noValidate onSubmit={submit} aria-busy={pending || undefined}>
      {problem && errors && problem.kind !== 'precondition-failed' ? (
        <ErrorSummary
          title={t('profileForm.failed')}
          problem={problem}
          fields={PROFILE_FIELDS.map((field) => ({
            id: focusTargets[field],
            label: labels[field],
            messages: errors.fields[field] ?? [],
          }))}
          formMessages={errors.form}
        />
      ) : null}

      <fieldset className="fieldset">
        <legend className="field__label">{t('profileForm.sections.personal')}</legend>
        <div className="form-grid">
          {text('firstName', { autoComplete: audience === 'member' ? 'given-name' : 'off' })}
          {text('lastName', { autoComplete: audience === 'member' ? 'family-name' : 'off' })}
          <FormField
            id={id('preferredLanguage')}
            name="preferredLanguage"
            label={labels.preferredLanguage}
            errors={errorsOf('preferredLanguage')}
            className="form-grid__code"
          >
            {(control) => (
              <select
                {...control}
                className="input"
                value={values.preferredLanguage}
                onChange={(event) => change('preferredLanguage', event.target.value)}
              >
                {LANGUAGES.map((lng) => (
                  <option key={lng} value={lng} lang={lng}>
                    {t(`language.${lng}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField
            id={id('otherEmails')}
            name="otherEmails"
            label={labels.otherEmails}
            hint={hints.otherEmails}
            errors={errorsOf('otherEmails')}
            className="form-grid__faculty"
          >
            {(control) => (
              <textarea
                {...control}
                className="input"
                rows={2}
                value={values.otherEmails}
                onChange={(event) => change('otherEmails', event.target.value)}
                spellCheck={false}
              />
            )}
          </FormField>
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend className="field__label">{t('profileForm.sections.work')}</legend>
        <div className="form-grid">
          {text('employer', { autoComplete: audience === 'member' ? 'organization' : 'off' })}
          {text('jobTitle', { autoComplete: audience === 'member' ? 'organization-title' : 'off' })}
          {text('industry', { maxLength: 100 })}
          {text('city', { maxLength: 100, autoComplete: audience === 'member' ? 'address-level2' : 'off' })}
          {text('country', { maxLength: 2 })}
          {text('linkedInUrl', { maxLength: 300, wide: true })}
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend className="field__label">{t('profileForm.sections.more')}</legend>
        <div className="form-grid">
          <FormField id={id('bio')} name="bio" label={labels.bio} hint={hints.bio} errors={errorsOf('bio')} className="form-grid__wide">
            {(control) => (
              <textarea
                {...control}
                className="input"
                rows={4}
                value={values.bio}
                onChange={(event) => change('bio', event.target.value)}
                maxLength={4000}
              />
            )}
          </FormField>
          {text('interests', { maxLength: 1200, wide: true })}
        </div>
        <ChoiceGroup<MemberOffer>
          id={id('offers')}
          name="offers"
          legend={labels.offers}
          hint={t(audience === 'member' ? 'profileForm.offersHint' : 'profileForm.offersHintStaff')}
          choices={MEMBER_OFFERS.map((offer) => ({ value: offer, label: t(`members.offer.${offer}`) }))}
          chosen={values.offers}
          onToggle={(offer, on) => change('offers', toggleChoice(MEMBER_OFFERS, values.offers, offer, on))}
          errors={errorsOf('offers')}
          className="profile-form__choices"
        />
      </fieldset>

      <fieldset className="fieldset">
        <legend className="field__label">{t('profileForm.sections.directory')}</legend>
        <div className={['confirm-box', errorsOf('directoryListed')?.length ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
          <input
            id={id('directoryListed')}
            type="checkbox"
            className="checkbox"
            name="directoryListed"
            checked={values.directoryListed}
            onChange={(event) => change('directoryListed', event.target.checked)}
            aria-describedby={[
              errorsOf('directoryListed')?.length ? fieldErrorId(id('directoryListed')) : null,
              `${id('directoryListed')}-hint`,
            ]
              .filter(Boolean)
              .join(' ')}
            aria-invalid={errorsOf('directoryListed')?.length ? true : undefined}
          />
          <label htmlFor={id('directoryListed')}>{labels.directoryListed}</label>
          <p className="field__hint confirm-box__hint" id={`${id('directoryListed')}-hint`}>
            {t(audience === 'member' ? 'profileForm.directoryListedHint' : 'profileForm.directoryListedHintStaff')}
          </p>
          {errorsOf('directoryListed')?.length ? (
            <p className="field__error confirm-box__hint" id={fieldErrorId(id('directoryListed'))}>
              {errorsOf('directoryListed')?.map((message, i) => (
                <span key={i} className="field__error-line">
                  {message}
                </span>
              ))}
            </p>
          ) : null}
        </div>
        <ChoiceGroup<DirectoryField>
          id={id('directoryFields')}
          name="directoryFields"
          legend={labels.directoryFields}
          hint={t('profileForm.directoryFieldsHint')}
          choices={DIRECTORY_FIELDS.map((field) => ({ value: field, label: t(`members.directoryField.${field}`) }))}
          chosen={values.directoryFields}
          onToggle={(field, on) => change('directoryFields', toggleChoice(DIRECTORY_FIELDS, values.directoryFields, field, on))}
          errors={errorsOf('directoryFields')}
          className="profile-form__choices profile-form__choices--columns"
        />
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
          {pending ? t('common.saving') : submitLabel}
        </button>
        {extraActions}
      </div>
    </form>
  );
}
