import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventQuestion, MemberEventResponse, RegistrationResponse } from '../../../api/generated';
import { ConfirmPanel } from '../../../components/ConfirmPanel';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { fieldErrorId, TextInputField } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useCancelRegistration, useMyRegistration, useRegister } from '../api/my-registrations';
import { formatInZone } from '../../../lib/zoned-time';
import { MY_EVENTS_PATH } from '../member-paths';
import {
  ANSWER_MAX,
  choiceOptions,
  emptyRegistration,
  questionLabel,
  registrationFields,
  registrationSchema,
  toRegisterRequest,
  type RegistrationValues,
} from '../registration-form';

const ID = 'registration';

/**
 * Registering for an event, on its page: my registration when I have one (with its seats or my place on the waiting
 * list, and cancelling it or leaving the list); otherwise, while registration is open, the form (my guests by name, the
 * event's questions) – a full event puts me on the waiting list; before it opens or after it closes, when that is.
 */
export function RegistrationSection({ event, now = new Date() }: { event: MemberEventResponse; now?: Date }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const active = event.myRegistrationStatus === 'confirmed' || event.myRegistrationStatus === 'waiting';
  const mine = useMyRegistration(event.id, { enabled: active });
  const [done, setDone] = useState<RegistrationResponse | null>(null);

  if (event.status !== 'published' && !active) return null;

  let body;
  if (active) {
    body = mine.isPending ? (
      <p className="loading">{t('common.loading')}</p>
    ) : mine.data ? (
      <MyRegistration event={event} registration={mine.data} just={done?.id === mine.data.id} />
    ) : mine.isError ? (
      <div className="notice notice--error" role="alert">
        <ProblemMessage problem={toProblem(mine.error)} lead={t('events.member.register.loadError')} />
      </div>
    ) : null;
  } else {
    const opens = event.registrationOpensAt ? new Date(event.registrationOpensAt) : null;
    const closes = new Date(event.registrationClosesAt ?? event.startsAt);
    body =
      opens && opens > now ? (
        <p>{t('events.member.register.notYetOpen', { date: formatInZone(opens, event.timeZone, language) })}</p>
      ) : closes <= now ? (
        <p>{t('events.member.register.closed')}</p>
      ) : (
        <RegistrationForm event={event} onRegistered={setDone} />
      );
  }

  return (
    <section className="panel registration" aria-labelledby={`${ID}-heading`}>
      <h2 id={`${ID}-heading`} className="panel__title">
        {active ? t('events.member.register.mineTitle') : t('events.member.register.title')}
      </h2>
      {body}
    </section>
  );
}

/** My registration: confirmed with its seats, or my place on the waiting list; cancelling or leaving, confirmed first. */
function MyRegistration({ event, registration, just }: { event: MemberEventResponse; registration: RegistrationResponse; just: boolean }) {
  const { t } = useTranslation();
  const cancel = useCancelRegistration();
  const [asking, setAsking] = useState(false);
  const waiting = registration.status === 'waiting';
  const status = waiting
    ? t('events.member.register.waiting', { position: registration.position ?? '?' })
    : t('events.member.register.confirmed', { count: registration.seats });

  return (
    <>
      <p className={just ? 'notice notice--success' : undefined} role={just ? 'status' : undefined}>
        {status} {just ? (waiting ? t('events.member.register.waitingMail') : t('events.member.register.confirmedMail')) : null}
      </p>
      <p>
        <Link to={MY_EVENTS_PATH}>{t('events.member.register.toMyEvents')}</Link>
      </p>
      {cancel.isError ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={toProblem(cancel.error)} lead={t('events.member.register.cancelFailed')} />
        </div>
      ) : null}
      {asking ? (
        <ConfirmPanel
          headingId={`${ID}-cancel-heading`}
          headingLevel={3}
          title={waiting ? t('events.member.register.leaveTitle') : t('events.member.register.cancelTitle')}
          body={waiting ? t('events.member.register.leaveBody') : t('events.member.register.cancelBody')}
          confirmLabel={waiting ? t('events.member.register.leave') : t('events.member.register.cancel')}
          pending={cancel.isPending}
          onConfirm={() => {
            if (!cancel.isPending) cancel.mutate(event.id, { onSettled: () => setAsking(false) });
          }}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <button type="button" className="button" onClick={() => setAsking(true)}>
          {waiting ? t('events.member.register.leave') : t('events.member.register.cancel')}
        </button>
      )}
    </>
  );
}

function RegistrationForm({ event, onRegistered }: { event: MemberEventResponse; onRegistered: (r: RegistrationResponse) => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const register = useRegister();
  const schema = useMemo(() => registrationSchema(t, event), [t, event]);
  const { control, handleSubmit, setError, formState } = useForm<RegistrationValues>({
    resolver: zodResolver(schema),
    defaultValues: emptyRegistration(event),
    shouldFocusError: false,
  });
  const guests = useFieldArray({ control, name: 'guests' });
  const { failure, refuse, clear } = useFormFailure(register.error, setError, registrationFields);
  const full = event.seatsLeft !== null && event.seatsLeft !== undefined && event.seatsLeft <= 0;

  const send = (values: RegistrationValues) => {
    if (register.isPending) return;
    clear();
    register.mutate({ eventId: event.id, request: toRegisterRequest(values) }, { onSuccess: onRegistered });
  };

  const summary = [
    { id: `${ID}-guests`, label: t('events.member.register.guests'), messages: messagesAt(formState.errors, 'guests') },
    ...guests.fields.map((_field, i) => ({
      id: `${ID}-guest-${i}`,
      label: t('events.member.register.guestName', { n: i + 1 }),
      messages: messagesAt(formState.errors, `guests.${i}.name`),
    })),
    ...event.questions.map((question) => ({
      id: questionControlId(question),
      label: questionLabel(question, language),
      messages: messagesAt(formState.errors, `answers.${question.id}`),
    })),
  ];
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));

  return (
    <form className="stack-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={register.isPending || undefined}>
      {showSummary ? (
        <ErrorSummary
          title={t('events.member.register.failed')}
          problem={failure.problem}
          attempt={failure.attempt}
          fields={summary}
          formMessages={failure.formMessages}
        />
      ) : null}
      {full ? <p className="notice notice--warning">{t('events.member.register.fullNote')}</p> : null}

      {event.guestsAllowed > 0 ? (
        <fieldset className="fieldset" id={`${ID}-guests`} tabIndex={-1}>
          <legend className="field__label">{t('events.member.register.guests')}</legend>
          <p className="field__hint">{t('events.member.register.guestsHint', { count: event.guestsAllowed })}</p>
          {guests.fields.map((field, i) => (
            <div key={field.id} className="registration__guest">
              <Controller
                control={control}
                name={`guests.${i}.name`}
                render={({ field: input }) => (
                  <TextInputField
                    id={`${ID}-guest-${i}`}
                    name={`guests.${i}.name`}
                    label={t('events.member.register.guestName', { n: i + 1 })}
                    errors={messagesAt(formState.errors, `guests.${i}.name`)}
                    value={input.value}
                    onValueChange={input.onChange}
                    onBlur={input.onBlur}
                    autoComplete="off"
                    maxLength={100}
                  />
                )}
              />
              <button type="button" className="button button--small" onClick={() => guests.remove(i)}>
                {t('events.member.register.removeGuest', { n: i + 1 })}
              </button>
            </div>
          ))}
          {guests.fields.length < event.guestsAllowed ? (
            <button type="button" className="button button--small" onClick={() => guests.append({ name: '' })}>
              {t('events.member.register.addGuest')}
            </button>
          ) : null}
        </fieldset>
      ) : null}

      {event.questions.map((question) => (
        <Controller
          key={question.id}
          control={control}
          name={`answers.${question.id}`}
          render={({ field }) => (
            <QuestionField
              question={question}
              value={field.value ?? ''}
              onChange={field.onChange}
              errors={messagesAt(formState.errors, `answers.${question.id}`)}
            />
          )}
        />
      ))}

      <div className="form-actions">
        <button type="submit" className="button button--primary button--large" aria-disabled={register.isPending || undefined}>
          {register.isPending
            ? t('common.saving')
            : full
              ? t('events.member.register.joinWaitingList')
              : t('events.member.register.submit')}
        </button>
      </div>
    </form>
  );
}

function questionControlId(question: EventQuestion): string {
  return `${ID}-answer-${question.id}`;
}

/** One of the event's questions: a text field, or radio buttons for a choice or yes/no; marked when required. */
function QuestionField({
  question,
  value,
  onChange,
  errors,
}: {
  question: EventQuestion;
  value: string;
  onChange: (value: string) => void;
  errors: string[];
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const id = questionControlId(question);
  const label = `${questionLabel(question, language)}${question.required ? '' : ` ${t('events.member.register.optional')}`}`;

  if (question.kind === 'text') {
    return (
      <TextInputField
        id={id}
        name={`answers.${question.id}`}
        label={label}
        errors={errors}
        value={value}
        onValueChange={onChange}
        maxLength={ANSWER_MAX}
        required={question.required}
      />
    );
  }

  const options =
    question.kind === 'yesNo'
      ? [
          { value: 'yes', label: t('common.yes') },
          { value: 'no', label: t('common.no') },
        ]
      : choiceOptions(question, language);
  const hasErrors = errors.length > 0;
  return (
    <fieldset
      className={['fieldset', hasErrors ? 'field--invalid' : ''].filter(Boolean).join(' ')}
      aria-describedby={hasErrors ? fieldErrorId(id) : undefined}
    >
      <legend className="field__label">{label}</legend>
      <ul className="checkbox-list">
        {options.map((option, i) => (
          <li key={option.value} className="checkbox-list__item">
            <input
              id={i === 0 ? id : `${id}-${i}`}
              type="radio"
              name={`answers.${question.id}`}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              required={question.required}
              aria-invalid={hasErrors || undefined}
            />
            <label htmlFor={i === 0 ? id : `${id}-${i}`}>{option.label}</label>
          </li>
        ))}
      </ul>
      {hasErrors ? (
        <p className="field__error" id={fieldErrorId(id)}>
          {errors.map((message, i) => (
            <span key={i} className="field__error-line">
              {message}
            </span>
          ))}
        </p>
      ) : null}
    </fieldset>
  );
}
