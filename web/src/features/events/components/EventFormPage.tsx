import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { EventResponse } from '../../../api/generated';
import { CountrySelect } from '../../../components/CountrySelect';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField, type FieldControlProps } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { useFaculties } from '../../../lib/departments/faculties';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { currentLanguage, localName } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCreateEvent, usePublishedEvent, useStaffEvent, useUpdateEvent } from '../api/staff-events';
import { useOccasions } from '../api/staff-occasions';
import {
  EVENT_FIELD_ROUTES,
  EVENT_FIELDS,
  emptyEventValues,
  eventSchema,
  eventToValues,
  toEventInput,
  type EventField,
  type EventFormValues,
} from '../staff-event-form';
import { EVENT_AUDIENCES, EVENT_KINDS } from '../staff-options';
import { GUID, STAFF_EVENTS_PATH, staffEventPath } from '../staff-paths';
import { timeZoneOptions } from '../../../lib/zoned-time';
import { DepartmentChecklist } from './DepartmentChecklist';
import { DescriptionPreview } from './DescriptionPreview';
import { EventQuestionsField, questionFieldId } from './EventQuestionsField';
import type { EventSavedState } from './event-saved';
import './staff-events.css';

const ID = 'event-form';
const fieldId = (field: string) => `${ID}-${field}`;

/** Staff: a new event (`/staff/events/new`); it is saved as a draft and opens on its own page. */
export function NewEventPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('events.staff.form.newTitle'));
  // From an occasion's page: the new event belongs to it.
  const occasion = useSearchParams()[0].get('occasion');
  return (
    <div className="page page--wide staff-events">
      <p className="back-link">
        <Link to={STAFF_EVENTS_PATH}>{t('events.staff.back')}</Link>
      </p>
      <div className="page__header">
        <h1>{t('events.staff.form.newTitle')}</h1>
        <p className="page__intro">{t('events.staff.form.intro')}</p>
      </div>
      <EventForm occasionId={occasion && GUID.test(occasion) ? occasion : undefined} />
    </div>
  );
}

/** Staff: a change of an event (`/staff/events/:id/edit`), from the version shown (If-Match). */
export function EditEventPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const wellFormed = GUID.test(id);
  const event = useStaffEvent(id, wellFormed);
  const problem = event.error ? toProblem(event.error) : null;
  useDocumentTitle(t('events.staff.form.editTitle'));
  const notFound = !wellFormed || problem?.kind === 'not-found';
  const fixed = event.data && (!event.data.canEdit || event.data.status === 'cancelled' || event.data.status === 'completed');
  return (
    <div className="page page--wide staff-events">
      <p className="back-link">
        <Link to={event.data ? staffEventPath(event.data.id) : STAFF_EVENTS_PATH}>{event.data ? t('events.staff.form.backToEvent') : t('events.staff.back')}</Link>
      </p>
      <div className="page__header">
        <h1>{t('events.staff.form.editTitle')}</h1>
        {event.data && !fixed ? <p className="page__intro">{t('events.staff.form.intro')}</p> : null}
      </div>
      {notFound ? (
        <div className="notice notice--error" role="alert">
          <span className="problem__message">{t('events.staff.detail.notFound')}</span>
        </div>
      ) : event.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem && !event.data ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('events.staff.form.loadError')} />
          <button type="button" className="button button--small" onClick={() => void event.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : event.data && fixed ? (
        <p className="notice notice--warning">{event.data.canEdit ? t('events.staff.form.notEditable') : t('events.staff.form.notYours')}</p>
      ) : event.data ? (
        <EventForm event={event.data} />
      ) : null}
    </div>
  );
}

/**
 * The event form: both languages side by side (stacked on a phone) with a preview of each description; kind, time in
 * the event's zone, place (on site, online or both), organiser, co-hosts and audience, registration, questions and the
 * follow-up to no-shows. Checked as the API checks it before sending; the server's field messages land on the fields.
 * A change carries the version it started from; when someone else saved in between (412), the summary says so and the
 * form is filled again with their version.
 */
function EventForm({ event, occasionId }: { event?: EventResponse; occasionId?: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const navigate = useNavigate();
  const auth = useAuth();
  const isAdmin = hasRole(auth.me, 'admin');
  const ownDepartments = useMemo(() => (auth.me?.departments ?? []).map((d) => d.code), [auth.me]);
  const faculties = useFaculties(false);
  const create = useCreateEvent();
  const update = useUpdateEvent();
  const published = usePublishedEvent(event);
  const mutation = event ? update : create;
  const schema = useMemo(() => eventSchema(t, { centralAllowed: isAdmin }), [t, isAdmin]);
  const initial = useMemo(
    () => (event ? eventToValues(event) : { ...emptyEventValues(isAdmin ? '' : (ownDepartments[0] ?? '')), occasionId: occasionId ?? '' }),
    // Only the event's version decides: a newer one (after a 412) fills the form again, below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [event?.id, event?.version],
  );
  const { control, register, handleSubmit, setError, formState, reset, getValues } = useForm<EventFormValues>({
    resolver: zodResolver(schema),
    defaultValues: initial,
    shouldFocusError: false,
  });
  const { failure, refuse, clear } = useFormFailure(mutation.error, setError, EVENT_FIELD_ROUTES);

  // A newer version (someone else's change, read again after a 412) fills the form again.
  const shownVersion = useRef(event?.version);
  useEffect(() => {
    if (!event || shownVersion.current === event.version) return;
    shownVersion.current = event.version;
    reset(eventToValues(event));
  }, [event, reset]);

  const [onSite, online, audience, organiser, occasionValue, descriptionSv, descriptionEn] = useWatch({
    control,
    name: ['onSite', 'online', 'audience', 'organiserDepartmentCode', 'occasionId', 'descriptionSv', 'descriptionEn'],
  });
  const zones = useMemo(() => timeZoneOptions(), []);
  const occasions = useOccasions(1, 200);

  const send = (values: EventFormValues) => {
    if (mutation.isPending) return;
    clear();
    const body = toEventInput(values);
    if (event) {
      update.mutate(
        { id: event.id, version: event.version, body },
        { onSuccess: (saved) => void navigate(staffEventPath(saved.id), { state: { eventSaved: 'saved' } satisfies EventSavedState }) },
      );
    } else {
      create.mutate(body, {
        onSuccess: (saved) => void navigate(staffEventPath(saved.id), { state: { eventSaved: 'created' } satisfies EventSavedState }),
      });
    }
  };

  const languageName = (lng: 'sv' | 'en') => t(lng === 'sv' ? 'events.staff.form.swedish' : 'events.staff.form.english');
  const inLanguage = (field: string, lng: 'sv' | 'en') => t('events.staff.form.inLanguage', { field, language: t(`events.staff.form.languageNames.${lng}`) });
  const labels: Record<EventField, string> = {
    titleSv: inLanguage(t('events.staff.form.titleField'), 'sv'),
    titleEn: inLanguage(t('events.staff.form.titleField'), 'en'),
    summarySv: inLanguage(t('events.staff.form.summaryField'), 'sv'),
    summaryEn: inLanguage(t('events.staff.form.summaryField'), 'en'),
    descriptionSv: inLanguage(t('events.staff.form.descriptionField'), 'sv'),
    descriptionEn: inLanguage(t('events.staff.form.descriptionField'), 'en'),
    kind: t('events.staff.form.kind'),
    occasionId: t('events.staff.form.occasion'),
    timeZone: t('events.staff.form.timeZone'),
    startsAt: t('events.staff.form.startsAt'),
    endsAt: t('events.staff.form.endsAt'),
    venue: t('events.staff.form.venue'),
    address: t('events.staff.form.address'),
    city: t('events.staff.form.city'),
    country: t('events.staff.form.country'),
    onlineUrl: t('events.staff.form.onlineUrl'),
    organiserDepartmentCode: t('events.staff.form.organiser'),
    cohostDepartmentCodes: t('events.staff.form.cohosts'),
    audience: t('events.staff.form.audience'),
    audienceDepartmentCodes: t('events.staff.form.audienceDepartments'),
    capacity: t('events.staff.form.capacity'),
    guestsAllowed: t('events.staff.form.guestsAllowed'),
    registrationOpensAt: t('events.staff.form.opensAt'),
    registrationClosesAt: t('events.staff.form.closesAt'),
    followUpSv: inLanguage(t('events.staff.form.followUpField'), 'sv'),
    followUpEn: inLanguage(t('events.staff.form.followUpField'), 'en'),
  };
  const errorsOf = (field: string) => messagesAt(formState.errors, field);

  // The summary: the form's fields in order, then each question's.
  const questionCount = getValues('questions').length;
  const questionSummary = Array.from({ length: questionCount }, (_, index) => {
    const number = index + 1;
    const name = t('events.staff.form.question', { number });
    const choiceCount = getValues(`questions.${index}.choices`)?.length ?? 0;
    return [
      { id: questionFieldId(ID, index, 'labelSv'), label: `${name}: ${inLanguage(t('events.staff.form.questionLabel'), 'sv')}`, messages: errorsOf(`questions.${index}.labelSv`) },
      { id: questionFieldId(ID, index, 'labelEn'), label: `${name}: ${inLanguage(t('events.staff.form.questionLabel'), 'en')}`, messages: errorsOf(`questions.${index}.labelEn`) },
      {
        id: questionFieldId(ID, index, 'choices'),
        label: `${name}: ${t('events.staff.form.choices')}`,
        messages: [...errorsOf(`questions.${index}.choices`), ...errorsOf(`questions.${index}.choices.root`)],
      },
      ...Array.from({ length: choiceCount }, (_, c) =>
        (['sv', 'en'] as const).map((lng) => ({
          id: `${questionFieldId(ID, index, 'choices')}-${c}-${lng}`,
          label: `${name}: ${inLanguage(t('events.staff.form.choice', { number: c + 1 }), lng)}`,
          messages: errorsOf(`questions.${index}.choices.${c}.${lng}`),
        })),
      ).flat(),
    ];
  }).flat();
  const summary = [
    ...EVENT_FIELDS.map((field) => ({ id: fieldId(field), label: labels[field], messages: errorsOf(field) })),
    { id: `${ID}-questions`, label: t('events.staff.form.sections.questions'), messages: [...errorsOf('questions'), ...errorsOf('questions.root')] },
    ...questionSummary,
  ];
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));

  const text = (field: EventField, options: { lang?: 'sv' | 'en'; hint?: string; className?: string; type?: string; inputClassName?: string } = {}) => (
    <FormField id={fieldId(field)} name={field} label={labels[field]} hint={options.hint} errors={errorsOf(field)} className={options.className}>
      {(controlProps) => (
        <input
          {...controlProps}
          type={options.type ?? 'text'}
          className={options.inputClassName ?? 'input'}
          lang={options.lang}
          autoComplete="off"
          {...register(field as 'titleSv')}
        />
      )}
    </FormField>
  );
  const area = (field: EventField, options: { lang: 'sv' | 'en'; hint?: string; markdown?: boolean }) => (
    <FormField id={fieldId(field)} name={field} label={labels[field]} hint={options.hint} errors={errorsOf(field)}>
      {(controlProps) => (
        <textarea
          {...controlProps}
          className={options.markdown ? 'input event-form__markdown' : 'input'}
          lang={options.lang}
          rows={options.markdown ? 10 : 3}
          {...register(field as 'titleSv')}
        />
      )}
    </FormField>
  );
  const dateTime = (field: 'startsAt' | 'endsAt' | 'registrationOpensAt' | 'registrationClosesAt', hint?: string) =>
    text(field, { type: 'datetime-local', hint, inputClassName: 'input event-form__datetime' });
  // Selects whose options arrive later (departments, occasions) are controlled, so the value shows once its option does.
  const controlledSelect = (name: 'organiserDepartmentCode' | 'occasionId', controlProps: FieldControlProps, options: ReactNode) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <select {...controlProps} className="input" name={field.name} ref={field.ref} value={field.value} onChange={field.onChange} onBlur={field.onBlur}>
          {options}
        </select>
      )}
    />
  );
  const section = (key: keyof typeof SECTION_KEYS, children: ReactNode) => (
    <section className="panel" aria-labelledby={`${ID}-${key}-heading`}>
      <h2 id={`${ID}-${key}-heading`} className="panel__title">
        {t(SECTION_KEYS[key])}
      </h2>
      {children}
    </section>
  );

  const organiserOptions = isAdmin ? null : ownDepartments;
  const organiserGroups = (faculties.data ?? [])
    .map((faculty) => ({
      faculty,
      departments: faculty.departments.filter((d) => d.isActive && (!organiserOptions || organiserOptions.includes(d.code))),
    }))
    .filter((group) => group.departments.length > 0);
  const organiserKnown = organiser === '' || organiserGroups.some((group) => group.departments.some((d) => d.code === organiser));

  return (
    <form className="event-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={mutation.isPending || undefined}>
      {showSummary ? (
        <ErrorSummary
          title={t(event ? 'events.staff.form.saveFailed' : 'events.staff.form.createFailed')}
          problem={failure.problem}
          attempt={failure.attempt}
          fields={summary}
          formMessages={failure.formMessages}
        />
      ) : null}

      {section(
        'texts',
        <div className="event-form__languages">
          {(['sv', 'en'] as const).map((lng) => {
            const suffix = lng === 'sv' ? 'Sv' : 'En';
            const description = lng === 'sv' ? descriptionSv : descriptionEn;
            const saved = event
              ? {
                  text: (lng === 'sv' ? event.descriptionSv : event.descriptionEn) ?? '',
                  html: lng === 'sv' ? published.data?.descriptionSvHtml : published.data?.descriptionEnHtml,
                }
              : undefined;
            return (
              <fieldset key={lng} className="event-form__language">
                <legend>{languageName(lng)}</legend>
                {text(`title${suffix}` as EventField, { lang: lng })}
                {area(`summary${suffix}` as EventField, { lang: lng, hint: t('events.staff.form.summaryHint') })}
                {area(`description${suffix}` as EventField, { lang: lng, hint: t('events.staff.form.descriptionHint'), markdown: true })}
                <DescriptionPreview id={`${ID}-preview-${lng}`} languageName={t(`events.staff.form.languageNames.${lng}`)} lang={lng} text={description ?? ''} saved={saved} />
              </fieldset>
            );
          })}
        </div>,
      )}

      {section(
        'when',
        <div className="event-form__grid">
          <FormField id={fieldId('kind')} name="kind" label={labels.kind} errors={errorsOf('kind')}>
            {(controlProps) => (
              <select {...controlProps} className="input" {...register('kind')}>
                <option value="">{t('events.staff.form.chooseKind')}</option>
                {EVENT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`events.staff.kinds.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id={fieldId('timeZone')} name="timeZone" label={labels.timeZone} hint={t('events.staff.form.timeZoneHint')} errors={errorsOf('timeZone')}>
            {(controlProps) => (
              <select {...controlProps} className="input" {...register('timeZone')}>
                {zones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {dateTime('startsAt')}
          {dateTime('endsAt')}
          <FormField id={fieldId('occasionId')} name="occasionId" label={labels.occasionId} errors={errorsOf('occasionId')}>
            {(controlProps) =>
              controlledSelect(
                'occasionId',
                controlProps,
                <>
                  <option value="">{t('events.staff.form.noOccasion')}</option>
                  {occasionValue && !occasions.data?.items.some((o) => o.id === occasionValue) ? (
                    <option value={occasionValue}>{t('events.staff.form.otherOccasion')}</option>
                  ) : null}
                  {(occasions.data?.items ?? []).map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.title} ({o.city}, {o.startsOn})
                    </option>
                  ))}
                </>,
              )
            }
          </FormField>
        </div>,
      )}

      {section(
        'place',
        <>
          <fieldset className="event-form__checks">
            <legend>{t('events.staff.form.mode')}</legend>
            <label className="event-form__check">
              <input type="checkbox" {...register('onSite')} />
              {t('events.staff.form.onSite')}
            </label>
            <label className="event-form__check">
              <input type="checkbox" {...register('online')} />
              {t('events.staff.form.onlineMode')}
            </label>
          </fieldset>
          <div className="event-form__grid">
            {onSite ? (
              <>
                {text('venue')}
                {text('address')}
                {text('city')}
                <FormField id={fieldId('country')} name="country" label={labels.country} errors={errorsOf('country')}>
                  {(controlProps) => (
                    <Controller
                      control={control}
                      name="country"
                      render={({ field }) => (
                        <CountrySelect control={controlProps} value={field.value} onChange={field.onChange} onBlur={field.onBlur} emptyLabel={t('events.staff.form.chooseCountry')} />
                      )}
                    />
                  )}
                </FormField>
              </>
            ) : null}
            {online || (!onSite && !online) ? text('onlineUrl', { type: 'url', hint: t('events.staff.form.onlineUrlHint'), className: 'event-form__wide' }) : null}
          </div>
        </>,
      )}

      {section(
        'organiser',
        <div className="event-form__grid">
          <FormField
            id={fieldId('organiserDepartmentCode')}
            name="organiserDepartmentCode"
            label={labels.organiserDepartmentCode}
            hint={t('events.staff.form.organiserHint')}
            errors={errorsOf('organiserDepartmentCode')}
            className="event-form__wide"
          >
            {(controlProps) =>
              controlledSelect(
                'organiserDepartmentCode',
                controlProps,
                <>
                  <option value="">{isAdmin ? t('events.staff.centralOffice') : t('events.staff.form.chooseOrganiser')}</option>
                  {!organiserKnown ? <option value={organiser}>{organiser}</option> : null}
                  {organiserGroups.map(({ faculty, departments }) => (
                    <optgroup key={faculty.code} label={localName(faculty, language)}>
                      {departments.map((d) => (
                        <option key={d.code} value={d.code}>
                          {localName(d, language)} ({d.code})
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </>,
              )
            }
          </FormField>
          <div className="event-form__wide">
            <Controller
              control={control}
              name="cohostDepartmentCodes"
              render={({ field }) => (
                <DepartmentChecklist
                  id={fieldId('cohostDepartmentCodes')}
                  legend={labels.cohostDepartmentCodes}
                  hint={t('events.staff.form.cohostsHint')}
                  errors={errorsOf('cohostDepartmentCodes')}
                  faculties={faculties.data}
                  value={field.value}
                  onChange={field.onChange}
                  exclude={organiser ? [organiser] : []}
                />
              )}
            />
          </div>
          <fieldset id={fieldId('audience')} tabIndex={-1} className="fieldset event-form__wide">
            <legend className="field__label">{labels.audience}</legend>
            <ul className="checkbox-list">
              {EVENT_AUDIENCES.map((option) => (
                <li key={option} className="checkbox-list__item">
                  <input type="radio" id={`${fieldId('audience')}-${option}`} value={option} {...register('audience')} />
                  <label htmlFor={`${fieldId('audience')}-${option}`}>{t(`events.staff.audiences.${option}`)}</label>
                </li>
              ))}
            </ul>
          </fieldset>
          {audience === 'departments' ? (
            <div className="event-form__wide">
              <Controller
                control={control}
                name="audienceDepartmentCodes"
                render={({ field }) => (
                  <DepartmentChecklist
                    id={fieldId('audienceDepartmentCodes')}
                    legend={labels.audienceDepartmentCodes}
                    errors={errorsOf('audienceDepartmentCodes')}
                    faculties={faculties.data}
                    value={field.value}
                    onChange={field.onChange}
                  />
                )}
              />
            </div>
          ) : null}
        </div>,
      )}

      {section(
        'registration',
        <div className="event-form__grid">
          {text('capacity', { hint: t('events.staff.form.capacityHint'), inputClassName: 'input event-form__number' })}
          {text('guestsAllowed', { hint: t('events.staff.form.guestsHint'), inputClassName: 'input event-form__number' })}
          {dateTime('registrationOpensAt', t('events.staff.form.opensHint'))}
          {dateTime('registrationClosesAt', t('events.staff.form.closesHint'))}
        </div>,
      )}

      {section('questions', <EventQuestionsField idPrefix={ID} control={control} register={register} errors={formState.errors} />)}

      {section(
        'followUp',
        <>
          <p className="field__hint">{t('events.staff.form.followUpHint')}</p>
          <div className="event-form__languages">
            {area('followUpSv', { lang: 'sv' })}
            {area('followUpEn', { lang: 'en' })}
          </div>
        </>,
      )}

      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={mutation.isPending || undefined}>
          {mutation.isPending ? t('common.saving') : t(event ? 'events.staff.form.save' : 'events.staff.form.create')}
        </button>
        <Link className="button" to={event ? staffEventPath(event.id) : STAFF_EVENTS_PATH}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}

const SECTION_KEYS = {
  texts: 'events.staff.form.sections.texts',
  when: 'events.staff.form.sections.when',
  place: 'events.staff.form.sections.place',
  organiser: 'events.staff.form.sections.organiser',
  registration: 'events.staff.form.sections.registration',
  questions: 'events.staff.form.sections.questions',
  followUp: 'events.staff.form.sections.followUp',
} as const;
