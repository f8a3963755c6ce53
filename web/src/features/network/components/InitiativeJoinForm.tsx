import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import type { InitiativeResponse } from '../../../api/generated';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { useApiClients } from '../../../lib/api-context';
import { facultiesQueryOptions } from '../../../lib/departments/faculties';
import { messagesAt, showsSummary, useFormFailure, type FieldRoute } from '../../../lib/form-errors';
import { currentLanguage, localName } from '../../../lib/i18n';
import type { Problem } from '../../../lib/problem-details';
import type { Translate } from '../../../lib/text-rules';
import { useCreateJoinEvent, useJoinInitiative } from '../api/initiatives';
import { eventFailure } from './InitiativeEventButton';
import { departmentEventRequest, type EventDepartment } from './InitiativeParts';
import { staffEventEditPath } from '../paths';

/** The API's limit of what a department offers (InitiativeRules.OfferNoteMaxLength). */
const OFFER_MAX = 2000;

interface JoinFormValues {
  departmentCode: string;
  offerNote: string;
  createEvent: boolean;
}

function joinSchema(t: Translate) {
  return z.object({
    departmentCode: z.string().refine((code) => code !== '', t('validation.department')),
    offerNote: z.string().refine((note) => note.trim().length <= OFFER_MAX, t('validation.tooLong', { max: OFFER_MAX })),
    createEvent: z.boolean(),
  }) satisfies z.ZodType<JoinFormValues, JoinFormValues>;
}

const FIELD_ROUTES: readonly FieldRoute[] = ['departmentCode', 'offerNote', ['eventId', 'createEvent'], ['campaignId', 'createEvent']];

/** What the last submission came to. */
type Outcome =
  | { kind: 'joined'; department: string; changed: boolean }
  | { kind: 'event'; department: string; eventId: string }
  | { kind: 'eventFailed'; department: string; problem: Problem };

const ID = 'initiative-join';
const fieldId = (field: string) => `${ID}-${field}`;

/**
 * Joining ("haka på") for one of my departments (an admin: any), with what we will offer, and, if we like, our
 * department's own draft event under the initiative: the join is saved first (the server checks it), then the event is
 * made through Events and linked to the join. A department that joined already changes what it offers here.
 */
export function InitiativeJoinForm({ initiative }: { initiative: InitiativeResponse }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { me } = useAuth();
  const isAdmin = hasRole(me, 'admin');
  // An admin joins for any department; a coordinator for their own.
  const clients = useApiClients();
  const faculties = useQuery({ ...facultiesQueryOptions(clients.departments, false), enabled: isAdmin });
  const departments: EventDepartment[] = useMemo(() => {
    const list = isAdmin ? (faculties.data ?? []).flatMap((faculty) => faculty.departments) : (me?.departments ?? []);
    return list
      .map((d) => ({ code: d.code, nameSv: d.nameSv, nameEn: d.nameEn }))
      .sort((a, b) => localName(a, language).localeCompare(localName(b, language), language));
  }, [isAdmin, faculties.data, me?.departments, language]);
  const join = useJoinInitiative();
  const createEvent = useCreateJoinEvent();
  const schema = useMemo(() => joinSchema(t), [t]);
  const firstUnjoined = departments.find((d) => !initiative.joins.some((j) => j.departmentCode === d.code));
  const initialCode = departments.length === 1 ? departments[0].code : (firstUnjoined?.code ?? '');
  const { control, register, handleSubmit, setError, setValue, formState } = useForm<JoinFormValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      departmentCode: initialCode,
      offerNote: initiative.joins.find((j) => j.departmentCode === initialCode)?.offerNote ?? '',
      createEvent: false,
    },
    shouldFocusError: false,
  });
  const { failure, refuse, clear } = useFormFailure(join.error, setError, FIELD_ROUTES);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const code = useWatch({ control, name: 'departmentCode' });
  const existing = initiative.joins.find((j) => j.departmentCode === code);
  const department = departments.find((d) => d.code === code);
  const pending = join.isPending || createEvent.isPending;
  const labels = {
    departmentCode: t('network.initiatives.join.department'),
    offerNote: t('network.initiatives.join.offer'),
    createEvent: t('network.initiatives.join.createEvent'),
  };
  const errorsOf = (field: keyof JoinFormValues) => messagesAt(formState.errors, field);
  const summary = (Object.keys(labels) as (keyof JoinFormValues)[]).map((field) => ({ id: fieldId(field), label: labels[field], messages: errorsOf(field) }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));

  const send = async (values: JoinFormValues) => {
    if (pending) return;
    clear();
    setOutcome(null);
    const chosen = departments.find((d) => d.code === values.departmentCode);
    const name = chosen ? localName(chosen, language) : values.departmentCode;
    const before = initiative.joins.find((j) => j.departmentCode === values.departmentCode);
    let joined;
    try {
      joined = await join.mutateAsync({
        initiativeId: initiative.id,
        departmentCode: values.departmentCode,
        version: before?.version,
        offerNote: values.offerNote.trim() === '' ? undefined : values.offerNote.trim(),
        eventId: before?.event?.id,
        campaignId: before?.campaign?.id,
      });
    } catch {
      return; // useFormFailure places the server's answer on the form.
    }
    if (!values.createEvent || before?.event || !chosen) {
      setOutcome({ kind: 'joined', department: name, changed: !!before });
      return;
    }
    try {
      const made = await createEvent.mutateAsync({ join: joined, event: departmentEventRequest(initiative, chosen) });
      setOutcome({ kind: 'event', department: name, eventId: made.event.id });
      setValue('createEvent', false);
    } catch (error) {
      setOutcome({ kind: 'eventFailed', department: name, problem: eventFailure(error) });
    }
  };

  return (
    <section className="panel initiative-join-form" aria-labelledby={`${ID}-heading`}>
      <h2 id={`${ID}-heading`} className="panel__title">
        {t('network.initiatives.join.title')}
      </h2>
      <p className="field__hint">{t('network.initiatives.join.intro')}</p>
      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {outcome?.kind === 'joined' ? (
          <p className="notice notice--success">
            {outcome.changed ? t('network.initiatives.join.changed', { name: outcome.department }) : t('network.initiatives.join.joined', { name: outcome.department })}
          </p>
        ) : outcome?.kind === 'event' ? (
          <p className="notice notice--success">
            {t('network.initiatives.join.joinedWithEvent', { name: outcome.department })}{' '}
            <Link to={staffEventEditPath(outcome.eventId)}>{t('network.initiatives.openEvent')}</Link>
          </p>
        ) : null}
      </div>
      {outcome?.kind === 'eventFailed' ? (
        <div className="notice notice--warning" role="alert">
          <p>{t('network.initiatives.join.eventFailed', { name: outcome.department })}</p>
          <ProblemMessage problem={outcome.problem} />
        </div>
      ) : null}
      <form className="initiative-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={pending || undefined}>
        {showSummary ? (
          <ErrorSummary title={t('network.initiatives.join.failed')} problem={failure.problem} attempt={failure.attempt} fields={summary} formMessages={failure.formMessages} />
        ) : null}
        <FormField id={fieldId('departmentCode')} name="departmentCode" label={labels.departmentCode} errors={errorsOf('departmentCode')}>
          {(controlProps) => (
            <select
              {...controlProps}
              className="input"
              {...register('departmentCode', {
                onChange: (event: { target: { value: string } }) => {
                  const next = initiative.joins.find((j) => j.departmentCode === event.target.value);
                  setValue('offerNote', next?.offerNote ?? '');
                  setOutcome(null);
                },
              })}
            >
              {departments.length !== 1 ? <option value="">{t('network.initiatives.join.chooseDepartment')}</option> : null}
              {departments.map((d) => (
                <option key={d.code} value={d.code}>
                  {localName(d, language)} ({d.code})
                  {initiative.joins.some((j) => j.departmentCode === d.code) ? ` – ${t('network.initiatives.join.alreadyJoined')}` : ''}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={fieldId('offerNote')} name="offerNote" label={labels.offerNote} hint={t('network.initiatives.join.offerHint')} errors={errorsOf('offerNote')}>
          {(controlProps) => <textarea {...controlProps} className="input" rows={4} {...register('offerNote')} />}
        </FormField>
        {department && !existing?.event ? (
          <div className="field">
            <p className="checkbox-list__item">
              <input type="checkbox" id={fieldId('createEvent')} aria-describedby={`${fieldId('createEvent')}-hint`} {...register('createEvent')} />
              <label htmlFor={fieldId('createEvent')}>{labels.createEvent}</label>
            </p>
            <p id={`${fieldId('createEvent')}-hint`} className="field__hint">
              {t('network.initiatives.join.createEventHint', { name: localName(department, language) })}
            </p>
            {messagesAt(formState.errors, 'createEvent').map((message) => (
              <p key={message} className="field__error">
                {message}
              </p>
            ))}
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
            {pending ? t('common.saving') : existing ? t('network.initiatives.join.saveChange') : t('network.initiatives.join.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
