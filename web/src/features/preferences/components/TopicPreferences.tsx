import { zodResolver } from '@hookform/resolvers/zod';
import type { UseMutationResult } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PreferencesChange, PreferencesResponse, PreferenceTopic } from '../../../api/generated';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { fieldErrorId } from '../../../components/FormField';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { focusSoon } from '../../../lib/focus';
import { currentLanguage, type Language } from '../../../lib/i18n';
import { toProblem, type Problem } from '../../../lib/problem-details';
import { ProblemMessage } from '../../../components/ProblemMessage';
import {
  isNoChange,
  MAIL_LANGUAGES,
  PREFERENCE_FIELDS,
  preferenceSchema,
  toPreferencesChange,
  toPreferenceValues,
  UNSUBSCRIBE_ALL,
  type PreferenceValues,
} from '../preference-form';
import './preferences.css';

export type PreferencesMutation = UseMutationResult<PreferencesResponse, unknown, PreferencesChange>;

export interface TopicPreferencesProps {
  /** Prefix of the controls' ids (two forms on one page must differ). */
  idPrefix: string;
  preferences: PreferencesResponse;
  /** The topics offered (all of `preferences.topics` unless told). */
  topics?: readonly PreferenceTopic[];
  save: PreferencesMutation;
  /** Whether the language of mail is chosen here (the profile has its own language field). */
  withLanguage: boolean;
  /** Whether "Unsubscribe from everything" is offered here (the profile has it among the consents). */
  withUnsubscribeAll: boolean;
  /** Told each answer after a save (the profile reloads the consents a topic turned on may have given). */
  onSaved?: (answer: PreferencesResponse) => void;
}

/** A topic's name and description in the UI language, falling back to the other. */
function topicText(topic: PreferenceTopic, language: Language) {
  const name = language === 'en' ? topic.nameEn || topic.nameSv : topic.nameSv || topic.nameEn;
  const description = language === 'en' ? topic.descriptionEn || topic.descriptionSv : topic.descriptionSv || topic.descriptionEn;
  return { name, description };
}

/**
 * The member's newsletter topics as switches (each with its description), optionally the language of mail, saved
 * together with Save — nothing changes before — and optionally "Unsubscribe from everything" after a clear
 * confirmation. One component for the preference page a mail's link opens and the Newsletter section of the profile.
 */
export function TopicPreferences({ idPrefix, preferences, topics = preferences.topics, save, withLanguage, withUnsubscribeAll, onSaved }: TopicPreferencesProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const schema = useMemo(() => preferenceSchema(t), [t]);
  const { control, handleSubmit, setError, formState, reset } = useForm<PreferenceValues>({
    resolver: zodResolver(schema),
    defaultValues: toPreferenceValues(preferences),
    shouldFocusError: false,
  });
  const { failure, refuse, clear } = useFormFailure(save.variables?.unsubscribeAll ? null : save.error, setError, PREFERENCE_FIELDS);
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [unsubscribeFailure, setUnsubscribeFailure] = useState<Problem | null>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const ids = {
    topics: `${idPrefix}-topics`,
    language: `${idPrefix}-language`,
    unsubscribe: `${idPrefix}-unsubscribe`,
  };
  const labels = { topics: t('preferences.topics'), language: t('preferences.language') };
  const summary = [
    { id: topics.length > 0 ? `${ids.topics}-${topics[0].id}` : ids.topics, label: labels.topics, messages: messagesAt(formState.errors, 'topics') },
    ...(withLanguage ? [{ id: `${ids.language}-sv`, label: labels.language, messages: messagesAt(formState.errors, 'language') }] : []),
  ];
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  // New preferences from elsewhere (a consent changed on the profile): shown, unless the member has begun choosing.
  const dirty = formState.isDirty;
  useEffect(() => {
    if (!dirty) reset(toPreferenceValues(preferences));
  }, [preferences, dirty, reset]);

  const done = (answer: PreferencesResponse, message: string) => {
    reset(toPreferenceValues(answer));
    setStatus(message);
    onSaved?.(answer);
  };

  const send = (values: PreferenceValues) => {
    if (save.isPending) return;
    clear();
    setStatus('');
    setUnsubscribeFailure(null);
    const change = toPreferencesChange(preferences, values, withLanguage);
    if (isNoChange(change)) {
      setStatus(t('preferences.nothingChanged'));
      return;
    }
    save.mutate(change, { onSuccess: (answer) => done(answer, t('preferences.saved')) });
  };

  const unsubscribeAll = () => {
    if (save.isPending) return;
    clear();
    setStatus('');
    setUnsubscribeFailure(null);
    save.mutate(UNSUBSCRIBE_ALL, {
      onSuccess: (answer) => {
        setConfirming(false);
        done(answer, t('preferences.unsubscribedAll'));
        focusSoon(`${idPrefix}-status`);
      },
      onError: (error) => {
        setConfirming(false);
        setUnsubscribeFailure(toProblem(error));
      },
    });
  };

  return (
    <div className="preferences">
      <div className="status-region" role="status" aria-live="polite" aria-atomic="true" id={`${idPrefix}-status`} tabIndex={-1} ref={statusRef}>
        {status ? <p className="notice notice--success">{status}</p> : null}
      </div>
      {preferences.unsubscribedFromAll && !status ? (
        <p className="notice notice--warning">{t('preferences.allOff')}</p>
      ) : null}

      <form className="stack-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={save.isPending || undefined}>
        {showSummary ? (
          <ErrorSummary
            title={t('preferences.saveFailed')}
            problem={failure.problem}
            attempt={failure.attempt}
            fields={summary}
            formMessages={failure.formMessages}
          />
        ) : null}

        <Controller
          control={control}
          name="topics"
          render={({ field }) => {
            const errors = messagesAt(formState.errors, 'topics');
            return (
              <fieldset
                className={['fieldset', errors.length ? 'field--invalid' : ''].filter(Boolean).join(' ')}
                aria-describedby={errors.length ? fieldErrorId(ids.topics) : undefined}
              >
                <legend className="field__label">{labels.topics}</legend>
                {topics.length === 0 ? (
                  <p className="field__hint">{t('preferences.noTopics')}</p>
                ) : (
                  <ul className="checkbox-list topic-list">
                    {topics.map((topic) => {
                      const id = `${ids.topics}-${topic.id}`;
                      const text = topicText(topic, language);
                      return (
                        <li key={topic.id} className="checkbox-list__item">
                          <input
                            id={id}
                            type="checkbox"
                            role="switch"
                            className="checkbox"
                            checked={field.value[topic.id] ?? false}
                            onChange={(event) => field.onChange({ ...field.value, [topic.id]: event.target.checked })}
                            aria-describedby={text.description ? `${id}-hint` : undefined}
                          />
                          <label htmlFor={id}>{text.name}</label>
                          {text.description ? (
                            <p className="field__hint checkbox-list__hint" id={`${id}-hint`}>
                              {text.description}
                            </p>
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                )}
                {errors.length ? (
                  <p className="field__error" id={fieldErrorId(ids.topics)}>
                    <span className="field__error-line">{errors.join(' ')}</span>
                  </p>
                ) : null}
              </fieldset>
            );
          }}
        />

        {withLanguage ? (
          <Controller
            control={control}
            name="language"
            render={({ field }) => {
              const errors = messagesAt(formState.errors, 'language');
              return (
                <fieldset
                  className={['fieldset', errors.length ? 'field--invalid' : ''].filter(Boolean).join(' ')}
                  aria-describedby={errors.length ? fieldErrorId(ids.language) : undefined}
                >
                  <legend className="field__label">{labels.language}</legend>
                  <ul className="checkbox-list language-choice">
                    {MAIL_LANGUAGES.map((code) => (
                      <li key={code} className="checkbox-list__item">
                        <input
                          id={`${ids.language}-${code}`}
                          type="radio"
                          name={`${ids.language}`}
                          value={code}
                          checked={field.value === code}
                          onChange={() => field.onChange(code)}
                        />
                        <label htmlFor={`${ids.language}-${code}`} lang={code}>
                          {t(`language.${code}`)}
                        </label>
                      </li>
                    ))}
                  </ul>
                  {errors.length ? (
                    <p className="field__error" id={fieldErrorId(ids.language)}>
                      <span className="field__error-line">{errors.join(' ')}</span>
                    </p>
                  ) : null}
                </fieldset>
              );
            }}
          />
        ) : null}

        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={save.isPending || undefined}>
            {save.isPending && !save.variables?.unsubscribeAll ? t('common.saving') : t('preferences.save')}
          </button>
        </div>
      </form>

      {withUnsubscribeAll ? (
        <div className="preferences__unsubscribe">
          {unsubscribeFailure ? (
            <div className="notice notice--error" role="alert">
              <ProblemMessage problem={unsubscribeFailure} lead={t('preferences.unsubscribeFailed')} />
            </div>
          ) : null}
          {confirming ? (
            <section className="panel panel--danger panel--nested" aria-labelledby={`${ids.unsubscribe}-heading`}>
              <h3 id={`${ids.unsubscribe}-heading`} className="panel__title" tabIndex={-1} ref={confirmRef}>
                {t('preferences.unsubscribeTitle')}
              </h3>
              <p>{t('preferences.unsubscribeBody')}</p>
              <div className="form-actions">
                <button type="button" className="button button--danger" onClick={unsubscribeAll} aria-disabled={save.isPending || undefined}>
                  {save.isPending ? t('preferences.unsubscribing') : t('preferences.unsubscribeConfirm')}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setConfirming(false);
                    focusSoon(ids.unsubscribe);
                  }}
                >
                  {t('common.cancel')}
                </button>
              </div>
            </section>
          ) : (
            <div className="form-actions">
              <button
                type="button"
                id={ids.unsubscribe}
                className="button button--danger"
                onClick={() => {
                  setStatus('');
                  setUnsubscribeFailure(null);
                  setConfirming(true);
                }}
                disabled={preferences.unsubscribedFromAll}
              >
                {t('preferences.unsubscribe')}
              </button>
            </div>
          )}
        </div>
      ) : null}
    </div>
  );
}
