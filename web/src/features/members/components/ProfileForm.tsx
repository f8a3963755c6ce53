import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, type ReactElement, type ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { DirectoryField, MemberOffer } from '../../../api/generated';
import { CountrySelect } from '../../../components/CountrySelect';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { fieldErrorId, FormField, TextInputField } from '../../../components/FormField';
import { LANGUAGES } from '../../../lib/i18n';
import { messagesAt, showsSummary, useFormFailure, type FieldRoute } from '../../../lib/form-errors';
import { DIRECTORY_FIELDS, MEMBER_OFFERS } from '../options';
import { toggleChoice } from '../choice';
import { PROFILE_FIELDS, profileSchema, type ProfileField, type ProfileValues } from '../profile-form';
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
  /**
   * Staff only: whether the member's saved record is listed in the directory. The listing and its fields are the
   * member's choice; staff see them and can only withdraw a listing, on the member's request.
   */
  listed?: boolean;
  /** Shown beside the save button (e.g. Cancel). */
  extraActions?: ReactNode;
}

/** Where the server's messages go: list items (`otherEmails[1]`, `offers[0]`) on their list's field. */
const PROFILE_ROUTES: readonly FieldRoute[] = [
  ...PROFILE_FIELDS,
  ...(['otherEmails', 'interests', 'offers', 'directoryFields'] as const).map((list) => [`${list}.#`, list] as const),
];

type TextField = Exclude<ProfileField, 'preferredLanguage' | 'offers' | 'directoryListed' | 'directoryFields'>;

/**
 * The profile fields of a member: name and language, work and location, more about them, and what the
 * directory shows. The API's rules are checked here first (profileSchema); what only the server can
 * judge comes back on the fields.
 */
export function ProfileForm({ idPrefix, values, onChange, error, pending, onSubmit, submitLabel, audience, listed = false, extraActions }: ProfileFormProps) {
  const { t } = useTranslation();
  const schema = useMemo(() => profileSchema(t), [t]);
  // The page holds the draft (it may move onto a newer record, see useProfileDraft): the form takes
  // its values whenever they change, keeping its messages and whether it was submitted.
  const { control, handleSubmit, setError, formState } = useForm<ProfileValues>({
    resolver: zodResolver(schema),
    values,
    resetOptions: { keepErrors: true, keepIsSubmitted: true, keepSubmitCount: true, keepTouched: true },
    shouldFocusError: false,
  });
  const id = (field: ProfileField) => `${idPrefix}-${field}`;

  // A new error from the server puts its messages on the fields and shows the summary again.
  const { failure, refuse, clear } = useFormFailure(error, setError, PROFILE_ROUTES);

  const errorsOf = (field: ProfileField) => messagesAt(formState.errors, field);

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
    linkedInUrl: t('profileForm.linkedInUrlHint'),
    bio: t('profileForm.bioHint'),
    interests: t('profileForm.interestsHint'),
  };
  const focusTargets: Record<ProfileField, string> = {
    ...(Object.fromEntries(PROFILE_FIELDS.map((field) => [field, id(field)])) as Record<ProfileField, string>),
    offers: choiceId(id('offers'), MEMBER_OFFERS[0]),
    directoryFields: choiceId(id('directoryFields'), DIRECTORY_FIELDS[0]),
  };

  /** A field of the form: react-hook-form's value and change, which the page's draft follows. */
  const bind = <K extends ProfileField>(field: K, render: (value: ProfileValues[K], change: (value: ProfileValues[K]) => void) => ReactNode) => (
    <Controller
      control={control}
      name={field}
      render={({ field: controlled }) =>
        render(controlled.value as ProfileValues[K], (value) => {
          controlled.onChange(value);
          onChange(field, value);
        }) as ReactElement
      }
    />
  );

  const text = (field: TextField, options: { autoComplete?: string; maxLength?: number; wide?: boolean } = {}) =>
    bind(field, (value, change) => (
      <TextInputField
        id={id(field)}
        name={field}
        label={labels[field]}
        hint={hints[field]}
        errors={errorsOf(field)}
        className={options.wide ? 'form-grid__wide' : 'form-grid__name'}
        type={field === 'linkedInUrl' ? 'url' : 'text'}
        value={value}
        onValueChange={change}
        autoComplete={options.autoComplete ?? 'off'}
        maxLength={options.maxLength ?? 200}
      />
    ));

  const send = () => {
    if (pending) return;
    clear();
    onSubmit();
  };
  const summary = PROFILE_FIELDS.map((field) => ({ id: focusTargets[field], label: labels[field], messages: errorsOf(field) }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));

  return (
    <form className="stack-form profile-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={pending || undefined}>
      {showSummary ? (
        <ErrorSummary
          title={t('profileForm.failed')}
          problem={failure.problem}
          attempt={failure.attempt}
          fields={summary}
          formMessages={failure.formMessages}
        />
      ) : null}

      <fieldset className="fieldset">
        <legend className="field__label">{t('profileForm.sections.personal')}</legend>
        <div className="form-grid">
          {text('firstName', { autoComplete: audience === 'member' ? 'given-name' : 'off' })}
          {text('lastName', { autoComplete: audience === 'member' ? 'family-name' : 'off' })}
          {bind('preferredLanguage', (value, change) => (
          <FormField
            id={id('preferredLanguage')}
            name="preferredLanguage"
            label={labels.preferredLanguage}
            errors={errorsOf('preferredLanguage')}
            className="form-grid__code"
          >
            {(controlProps) => (
              <select {...controlProps} className="input" value={value} onChange={(event) => change(event.target.value)}>
                {LANGUAGES.map((lng) => (
                  <option key={lng} value={lng} lang={lng}>
                    {t(`language.${lng}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          ))}
          {bind('otherEmails', (value, change) => (
          <FormField
            id={id('otherEmails')}
            name="otherEmails"
            label={labels.otherEmails}
            hint={hints.otherEmails}
            errors={errorsOf('otherEmails')}
            className="form-grid__faculty"
          >
            {(controlProps) => (
              <textarea
                {...controlProps}
                className="input"
                rows={2}
                value={value}
                onChange={(event) => change(event.target.value)}
                spellCheck={false}
              />
            )}
          </FormField>
          ))}
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend className="field__label">{t('profileForm.sections.work')}</legend>
        <div className="form-grid">
          {text('employer', { autoComplete: audience === 'member' ? 'organization' : 'off' })}
          {text('jobTitle', { autoComplete: audience === 'member' ? 'organization-title' : 'off' })}
          {text('industry', { maxLength: 100 })}
          {text('city', { maxLength: 100, autoComplete: audience === 'member' ? 'address-level2' : 'off' })}
          {bind('country', (value, change) => (
            <FormField id={id('country')} name="country" label={labels.country} errors={errorsOf('country')} className="form-grid__name">
              {(controlProps) => (
                <CountrySelect
                  control={controlProps}
                  value={value}
                  onChange={change}
                  emptyLabel={t('profileForm.noCountry')}
                  autoComplete={audience === 'member' ? 'country' : 'off'}
                />
              )}
            </FormField>
          ))}
          {text('linkedInUrl', { maxLength: 300, wide: true })}
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend className="field__label">{t('profileForm.sections.more')}</legend>
        <div className="form-grid">
          {bind('bio', (value, change) => (
            <FormField id={id('bio')} name="bio" label={labels.bio} hint={hints.bio} errors={errorsOf('bio')} className="form-grid__wide">
              {(controlProps) => (
                <textarea
                  {...controlProps}
                  className="input"
                  rows={4}
                  value={value}
                  onChange={(event) => change(event.target.value)}
                  maxLength={4000}
                />
              )}
            </FormField>
          ))}
          {text('interests', { maxLength: 1200, wide: true })}
        </div>
        {bind('offers', (value, change) => (
        <ChoiceGroup<MemberOffer>
          id={id('offers')}
          name="offers"
          legend={labels.offers}
          hint={t(audience === 'member' ? 'profileForm.offersHint' : 'profileForm.offersHintStaff')}
          choices={MEMBER_OFFERS.map((offer) => ({ value: offer, label: t(`members.offer.${offer}`) }))}
          chosen={value}
          onToggle={(offer, on) => change(toggleChoice(MEMBER_OFFERS, value, offer, on))}
          errors={errorsOf('offers')}
          className="profile-form__choices"
        />
        ))}
      </fieldset>

      <fieldset className="fieldset">
        <legend className="field__label">{t('profileForm.sections.directory')}</legend>
        {audience === 'staff' && !listed ? (
          <p className="field__hint">{t('profileForm.notListedStaff')}</p>
        ) : bind('directoryListed', (value, change) => (
        <div className={['confirm-box', errorsOf('directoryListed')?.length ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
          <input
            id={id('directoryListed')}
            type="checkbox"
            className="checkbox"
            name="directoryListed"
            checked={value}
            onChange={(event) => change(event.target.checked)}
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
        ))}
        {audience === 'staff' ? (
          listed ? (
            <p className="field__hint">
              {t('profileForm.directoryFieldsStaff', {
                fields: values.directoryFields.map((field) => t(`members.directoryField.${field}`)).join(', ') || t('memberDetail.nameOnly'),
              })}
            </p>
          ) : null
        ) : bind('directoryFields', (value, change) => (
        <ChoiceGroup<DirectoryField>
          id={id('directoryFields')}
          name="directoryFields"
          legend={labels.directoryFields}
          hint={t('profileForm.directoryFieldsHint')}
          choices={DIRECTORY_FIELDS.map((field) => ({ value: field, label: t(`members.directoryField.${field}`) }))}
          chosen={value}
          onToggle={(field, on) => change(toggleChoice(DIRECTORY_FIELDS, value, field, on))}
          errors={errorsOf('directoryFields')}
          className="profile-form__choices profile-form__choices--columns"
        />
        ))}
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
