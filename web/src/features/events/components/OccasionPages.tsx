import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { OccasionDetailResponse, OccasionResponse } from '../../../api/generated';
import { CountrySelect } from '../../../components/CountrySelect';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { Pager } from '../../../components/Pager';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { useCountryName } from '../../../lib/countries';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCreateOccasion, useOccasion, useOccasions, useUpdateOccasion } from '../api/staff-occasions';
import { pageCount } from '../staff-event-filters';
import {
  EMPTY_OCCASION,
  OCCASION_FIELDS,
  occasionSchema,
  occasionToValues,
  toOccasionInput,
  type OccasionField,
  type OccasionFormValues,
} from '../staff-occasion-form';
import { statusBadgeClass } from '../staff-options';
import { editOccasionPath, GUID, NEW_EVENT_PATH, NEW_OCCASION_PATH, occasionPath, STAFF_OCCASIONS_PATH, staffEventPath } from '../staff-paths';
import { textIn } from '../../../lib/bilingual';
import { formatDay } from '../../../lib/zoned-time';
import './staff-events.css';

const PAGE_SIZE = 25;

/** Navigation state the occasion page reads: the form just created or saved it. */
interface OccasionSavedState {
  occasionSaved?: 'created' | 'saved';
}

function useDays() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (occasion: Pick<OccasionResponse, 'startsOn' | 'endsOn'>) =>
    occasion.startsOn === occasion.endsOn
      ? formatDay(occasion.startsOn, language)
      : t('events.staff.occasions.dates', { from: formatDay(occasion.startsOn, language), to: formatDay(occasion.endsOn, language) });
}

/** Staff: the occasions abroad (`/staff/occasions`), soonest first; admins make new ones. */
export function OccasionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('events.staff.occasions.title'));
  const auth = useAuth();
  const isAdmin = hasRole(auth.me, 'admin');
  const [params] = useSearchParams();
  const requested = Number(params.get('page'));
  const page = Number.isInteger(requested) && requested >= 1 ? requested : 1;
  const list = useOccasions(page, PAGE_SIZE);
  const problem = list.error && !list.data ? toProblem(list.error) : null;
  const countryName = useCountryName();
  const days = useDays();
  const data = list.data;
  const first = data && data.items.length > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = data ? first + Math.max(0, data.items.length - 1) : 0;
  return (
    <div className="page page--wide staff-events">
      <div className="page__header staff-events__header">
        <div>
          <h1>{t('events.staff.occasions.title')}</h1>
          <p className="page__intro">{t('events.staff.occasions.intro')}</p>
        </div>
        {isAdmin ? (
          <Link to={NEW_OCCASION_PATH} className="button button--primary">
            {t('events.staff.occasions.new')}
          </Link>
        ) : null}
      </div>
      <div aria-busy={list.isFetching || undefined}>
        {list.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : problem ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={problem} lead={t('events.staff.occasions.loadError')} />
            <button type="button" className="button button--small" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : !data ? null : data.items.length === 0 ? (
          <p role="status">{t('events.staff.occasions.none')}</p>
        ) : (
          <>
            <div className="table-wrap staff-events-table-wrap">
              <table className="data-table staff-events-table">
                <caption className="data-table__caption">{t('events.staff.occasions.caption', { first, last, total: data.total })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('events.staff.occasions.columns.title')}</th>
                    <th scope="col">{t('events.staff.occasions.columns.place')}</th>
                    <th scope="col">{t('events.staff.occasions.columns.dates')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((occasion) => (
                    <tr key={occasion.id}>
                      <th scope="row" className="staff-events-table__title">
                        <Link to={occasionPath(occasion.id)}>{occasion.title}</Link>
                      </th>
                      <td>
                        <span className="cell-label">{t('events.staff.occasions.columns.place')}</span>
                        {occasion.city}, {countryName(occasion.country)}
                      </td>
                      <td>
                        <span className="cell-label">{t('events.staff.occasions.columns.dates')}</span>
                        {days(occasion)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              label={t('events.staff.occasions.pagerLabel')}
              page={data.page}
              pages={pageCount(data.total, data.pageSize)}
              linkTo={(to) => (to > 1 ? `?page=${to}` : '?')}
            />
          </>
        )}
      </div>
    </div>
  );
}

/** Admins: a new occasion abroad (`/staff/occasions/new`). */
export function NewOccasionPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('events.staff.occasions.form.newTitle'));
  const auth = useAuth();
  return (
    <div className="page page--medium staff-events">
      <p className="back-link">
        <Link to={STAFF_OCCASIONS_PATH}>{t('events.staff.occasions.back')}</Link>
      </p>
      <h1>{t('events.staff.occasions.form.newTitle')}</h1>
      {hasRole(auth.me, 'admin') ? <OccasionForm /> : <p className="notice notice--warning">{t('events.staff.occasions.form.adminsOnly')}</p>}
    </div>
  );
}

/** Admins: a change of an occasion (`/staff/occasions/:id/edit`), from the version shown (If-Match). */
export function EditOccasionPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('events.staff.occasions.form.editTitle'));
  const auth = useAuth();
  const { id = '' } = useParams();
  const wellFormed = GUID.test(id);
  const occasion = useOccasion(id, wellFormed);
  const problem = occasion.error && !occasion.data ? toProblem(occasion.error) : null;
  return (
    <div className="page page--medium staff-events">
      <p className="back-link">
        <Link to={wellFormed && occasion.data ? occasionPath(id) : STAFF_OCCASIONS_PATH}>
          {occasion.data ? t('events.staff.occasions.backToOccasion') : t('events.staff.occasions.back')}
        </Link>
      </p>
      <h1>{t('events.staff.occasions.form.editTitle')}</h1>
      {!wellFormed || problem?.kind === 'not-found' ? (
        <div className="notice notice--error" role="alert">
          <span className="problem__message">{t('events.staff.occasions.detail.notFound')}</span>
        </div>
      ) : occasion.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('events.staff.occasions.detail.loadError')} />
        </div>
      ) : !hasRole(auth.me, 'admin') ? (
        <p className="notice notice--warning">{t('events.staff.occasions.form.adminsOnly')}</p>
      ) : occasion.data ? (
        <OccasionForm occasion={occasion.data} />
      ) : null}
    </div>
  );
}

const FORM_ID = 'occasion-form';

function OccasionForm({ occasion }: { occasion?: OccasionResponse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateOccasion();
  const update = useUpdateOccasion();
  const mutation = occasion ? update : create;
  const schema = useMemo(() => occasionSchema(t), [t]);
  const { control, register, handleSubmit, setError, formState, reset } = useForm<OccasionFormValues>({
    resolver: zodResolver(schema),
    defaultValues: occasion ? occasionToValues(occasion) : EMPTY_OCCASION,
    shouldFocusError: false,
  });
  const { failure, refuse, clear } = useFormFailure(mutation.error, setError, OCCASION_FIELDS);
  const shownVersion = useRef(occasion?.version);
  useEffect(() => {
    if (!occasion || shownVersion.current === occasion.version) return;
    shownVersion.current = occasion.version;
    reset(occasionToValues(occasion));
  }, [occasion, reset]);

  const labels: Record<OccasionField, string> = {
    title: t('events.staff.occasions.form.titleField'),
    purpose: t('events.staff.occasions.form.purpose'),
    city: t('events.staff.occasions.form.city'),
    country: t('events.staff.occasions.form.country'),
    startsOn: t('events.staff.occasions.form.startsOn'),
    endsOn: t('events.staff.occasions.form.endsOn'),
  };
  const errorsOf = (field: OccasionField) => messagesAt(formState.errors, field);
  const summary = OCCASION_FIELDS.map((field) => ({ id: `${FORM_ID}-${field}`, label: labels[field], messages: errorsOf(field) }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));
  const send = (values: OccasionFormValues) => {
    if (mutation.isPending) return;
    clear();
    const body = toOccasionInput(values);
    const opened = (saved: OccasionResponse, how: 'created' | 'saved') =>
      void navigate(occasionPath(saved.id), { state: { occasionSaved: how } satisfies OccasionSavedState });
    if (occasion) update.mutate({ id: occasion.id, version: occasion.version, body }, { onSuccess: (saved) => opened(saved, 'saved') });
    else create.mutate(body, { onSuccess: (saved) => opened(saved, 'created') });
  };
  const field = (name: 'title' | 'city' | 'startsOn' | 'endsOn', options: { type?: string; hint?: string; className?: string } = {}) => (
    <FormField id={`${FORM_ID}-${name}`} name={name} label={labels[name]} hint={options.hint} errors={errorsOf(name)}>
      {(controlProps) => <input {...controlProps} type={options.type ?? 'text'} className={options.className ?? 'input'} autoComplete="off" {...register(name)} />}
    </FormField>
  );
  return (
    <form className="panel stack-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={mutation.isPending || undefined}>
      {showSummary ? (
        <ErrorSummary
          title={t(occasion ? 'events.staff.occasions.form.saveFailed' : 'events.staff.occasions.form.createFailed')}
          problem={failure.problem}
          attempt={failure.attempt}
          fields={summary}
          formMessages={failure.formMessages}
        />
      ) : null}
      {field('title', { hint: t('events.staff.occasions.form.titleHint') })}
      <FormField id={`${FORM_ID}-purpose`} name="purpose" label={labels.purpose} hint={t('events.staff.occasions.form.purposeHint')} errors={errorsOf('purpose')}>
        {(controlProps) => <textarea {...controlProps} className="input occasion-form__purpose" rows={4} {...register('purpose')} />}
      </FormField>
      <div className="event-form__grid">
        {field('city')}
        <FormField id={`${FORM_ID}-country`} name="country" label={labels.country} errors={errorsOf('country')}>
          {(controlProps) => (
            <Controller
              control={control}
              name="country"
              render={({ field: country }) => (
                <CountrySelect
                  control={controlProps}
                  value={country.value}
                  onChange={country.onChange}
                  onBlur={country.onBlur}
                  emptyLabel={t('events.staff.occasions.form.chooseCountry')}
                />
              )}
            />
          )}
        </FormField>
        {field('startsOn', { type: 'date', className: 'input input--date' })}
        {field('endsOn', { type: 'date', className: 'input input--date' })}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={mutation.isPending || undefined}>
          {mutation.isPending ? t('common.saving') : t(occasion ? 'events.staff.occasions.form.save' : 'events.staff.occasions.form.create')}
        </button>
        <Link className="button" to={occasion ? occasionPath(occasion.id) : STAFF_OCCASIONS_PATH}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}

/** Staff: one occasion abroad (`/staff/occasions/:id`) with the members there (counts) and its events. */
export function OccasionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const wellFormed = GUID.test(id);
  const occasion = useOccasion(id, wellFormed);
  const problem = occasion.error && !occasion.data ? toProblem(occasion.error) : null;
  useDocumentTitle(occasion.data?.title ?? t('events.staff.occasions.detail.title'));
  return (
    <div className="page page--medium staff-events">
      <p className="back-link">
        <Link to={STAFF_OCCASIONS_PATH}>{t('events.staff.occasions.back')}</Link>
      </p>
      {!wellFormed || problem?.kind === 'not-found' ? (
        <>
          <h1>{t('events.staff.occasions.detail.title')}</h1>
          <div className="notice notice--error" role="alert">
            <span className="problem__message">{t('events.staff.occasions.detail.notFound')}</span>
          </div>
        </>
      ) : occasion.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem ? (
        <>
          <h1>{t('events.staff.occasions.detail.title')}</h1>
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={problem} lead={t('events.staff.occasions.detail.loadError')} />
          </div>
        </>
      ) : occasion.data ? (
        <OccasionRecord occasion={occasion.data} />
      ) : null}
    </div>
  );
}

function OccasionRecord({ occasion }: { occasion: OccasionDetailResponse }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const location = useLocation();
  const auth = useAuth();
  const countryName = useCountryName();
  const days = useDays();
  const [saved] = useState(() => (location.state as OccasionSavedState | null)?.occasionSaved);
  const country = countryName(occasion.country);
  const reach = occasion.reach;
  return (
    <>
      <h1>{occasion.title}</h1>
      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {saved ? <p className="notice notice--success">{t(`events.staff.occasions.form.${saved}`)}</p> : null}
      </div>
      <section className="panel" aria-labelledby="occasion-facts-heading">
        <h2 id="occasion-facts-heading" className="panel__title">
          {t('events.staff.occasions.detail.facts')}
        </h2>
        <dl className="event-facts">
          <dt>{t('events.staff.occasions.detail.place')}</dt>
          <dd>
            {occasion.city}, {country}
          </dd>
          <dt>{t('events.staff.occasions.detail.dates')}</dt>
          <dd>{days(occasion)}</dd>
          {occasion.purpose ? (
            <>
              <dt>{t('events.staff.occasions.detail.purpose')}</dt>
              <dd className="event-text">{occasion.purpose}</dd>
            </>
          ) : null}
        </dl>
        {hasRole(auth.me, 'admin') ? (
          <div className="form-actions">
            <Link className="button" to={editOccasionPath(occasion.id)}>
              {t('events.staff.occasions.detail.edit')}
            </Link>
          </div>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="occasion-reach-heading">
        <h2 id="occasion-reach-heading" className="panel__title">
          {t('events.staff.occasions.detail.reach')}
        </h2>
        <p className="field__hint">{t('events.staff.occasions.detail.reachIntro')}</p>
        <ul className="figures">
          <li className="figure">
            <span className="figure__value">{reach.inCountry}</span>
            <span className="figure__label">{t('events.staff.occasions.detail.inCountry', { country })}</span>
            <span className="figure__label">{t('events.staff.occasions.detail.consented', { count: reach.inCountryConsented })}</span>
          </li>
          <li className="figure">
            <span className="figure__value">{reach.inCity}</span>
            <span className="figure__label">{t('events.staff.occasions.detail.inCity', { city: occasion.city })}</span>
            <span className="figure__label">{t('events.staff.occasions.detail.consented', { count: reach.inCityConsented })}</span>
          </li>
        </ul>
      </section>

      <section className="panel" aria-labelledby="occasion-events-heading">
        <h2 id="occasion-events-heading" className="panel__title">
          {t('events.staff.occasions.detail.events')}
        </h2>
        {occasion.events.length > 0 ? (
          <ul className="occasion-events">
            {occasion.events.map((event) => (
              <li key={event.id}>
                <Link to={staffEventPath(event.id)}>{textIn(event.titleSv, event.titleEn, language) || t('events.staff.list.untitled')}</Link>{' '}
                <span className={statusBadgeClass(event.status)}>{t(`events.staff.statuses.${event.status}`)}</span>
                <span className="muted block">
                  <time dateTime={event.startsAt}>{formatDateTime(event.startsAt, language)}</time>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('events.staff.occasions.detail.noEvents')}</p>
        )}
        <div className="form-actions">
          <Link className="button" to={`${NEW_EVENT_PATH}?occasion=${encodeURIComponent(occasion.id)}`}>
            {t('events.staff.occasions.detail.newEvent')}
          </Link>
        </div>
      </section>
    </>
  );
}
