import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AttendeeResponse, AttendeeStatus, EventQuestion, EventResponse } from '../../../api/generated';
import { FormField, TextInputField } from '../../../components/FormField';
import { Pager } from '../../../components/Pager';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { TableScroll } from '../../../components/TableScroll';
import { API_BASE_URL } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage, type Language } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useAttendees } from '../api/staff-attendance';
import { useStaffEvent } from '../api/staff-events';
import {
  attendeeExportUrl,
  attendeeFiltersFromParams,
  attendeeFiltersToParams,
  attendeeQuery,
  EMPTY_ATTENDEE_FILTERS,
  type AttendeeFilters,
} from '../staff-attendee-filters';
import { pageCount } from '../staff-event-filters';
import { ATTENDEE_STATUSES, attendeeBadgeClass } from '../staff-options';
import { checkInPath, GUID, STAFF_EVENTS_PATH, staffEventPath } from '../staff-paths';
import { textIn } from '../../../lib/bilingual';
import { EventFigures } from './EventFigures';
import './staff-events.css';

const ID = 'attendee-filter';
const FILTERS = { fromParams: attendeeFiltersFromParams, toParams: attendeeFiltersToParams };

/** Staff: an event's registrations and waiting list (`/staff/events/:id/attendees`), with the figures and an export. */
export function AttendeesPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { id = '' } = useParams();
  const wellFormed = GUID.test(id);
  const event = useStaffEvent(id, wellFormed);
  const problem = event.error && !event.data ? toProblem(event.error) : null;
  const title = event.data ? textIn(event.data.titleSv, event.data.titleEn, language) : '';
  useDocumentTitle(title ? `${t('events.staff.attendees.title')}: ${title}` : t('events.staff.attendees.title'));
  return (
    <div className="page page--wide staff-events">
      <p className="back-link">
        <Link to={event.data ? staffEventPath(id) : STAFF_EVENTS_PATH}>{event.data ? t('events.staff.form.backToEvent') : t('events.staff.back')}</Link>
      </p>
      <div className="page__header">
        <h1>{t('events.staff.attendees.title')}</h1>
        {title ? <p className="page__intro">{title}</p> : null}
        <p className="page__intro">{t('events.staff.attendees.intro')}</p>
      </div>
      {!wellFormed || problem?.kind === 'not-found' ? (
        <div className="notice notice--error" role="alert">
          <span className="problem__message">{t('events.staff.detail.notFound')}</span>
        </div>
      ) : event.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('events.staff.detail.loadError')} />
        </div>
      ) : event.data ? (
        <AttendeeList event={event.data} />
      ) : null}
    </div>
  );
}

/** An answer as the organiser reads it: a choice in the UI language, yes/no in words (the API keeps `yes` and `no`). */
function answerText(
  question: EventQuestion,
  answer: string | null | undefined,
  language: Language,
  t: (key: 'events.staff.attendees.yes' | 'events.staff.attendees.no') => string,
): string {
  if (answer === null || answer === undefined || answer === '') return '';
  if (question.kind === 'yesNo' && (answer === 'yes' || answer === 'no')) {
    return t(answer === 'yes' ? 'events.staff.attendees.yes' : 'events.staff.attendees.no');
  }
  if (question.kind === 'choice') {
    const same = (text: string | null | undefined) => !!text && text.localeCompare(answer, undefined, { sensitivity: 'accent' }) === 0;
    const choice = question.choices.find((c) => same(c.sv) || same(c.en));
    if (choice) return textIn(choice.sv, choice.en, language);
  }
  return answer;
}

function AttendeeList({ event }: { event: EventResponse }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { applied, draft, setDraft, apply, linkTo } = useUrlFilters(FILTERS);
  const query = useMemo(() => attendeeQuery(applied), [applied]);
  const list = useAttendees(event.id, query);
  const problem = list.error ? toProblem(list.error) : null;
  const questions = useMemo(() => [...event.questions].sort((a, b) => a.position - b.position), [event.questions]);
  const set = <K extends keyof AttendeeFilters>(field: K, value: AttendeeFilters[K]) => setDraft((d) => ({ ...d, [field]: value }));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    apply({ ...draft, page: 1 });
  };
  const data = list.data;
  const pages = data ? Math.max(pageCount(data.total, data.pageSize), data.totalExact ? 1 : data.page + (data.items.length === data.pageSize ? 1 : 0)) : 1;
  const first = data && data.items.length > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = data ? first + Math.max(0, data.items.length - 1) : 0;
  const filtered = applied.status !== '' || applied.q !== '';
  const caption = data ? t(data.totalExact ? 'events.staff.attendees.caption' : 'events.staff.attendees.captionAtLeast', { first, last, total: data.total }) : '';
  const name = (a: AttendeeResponse) =>
    a.firstName || a.lastName ? `${a.lastName ?? ''}, ${a.firstName ?? ''}`.replace(/^, |, $/g, '') : t('events.staff.attendees.erased');

  return (
    <>
      <div className="event-actions event-actions--page">
        <Link className="button button--primary" to={checkInPath(event.id)}>
          {t('events.staff.detail.checkIn')}
        </Link>
      </div>

      <EventFigures eventId={event.id} />

      <section className="panel" aria-labelledby={`${ID}-heading`}>
        <h2 id={`${ID}-heading`} className="panel__title">
          {t('events.staff.attendees.filtersTitle')}
        </h2>
        <form role="search" aria-labelledby={`${ID}-heading`} noValidate onSubmit={submit}>
          <div className="staff-events__filter-fields">
            <FormField id={`${ID}-status`} name="status" label={t('events.staff.attendees.status')}>
              {(control) => (
                <select {...control} className="input" value={draft.status} onChange={(e) => set('status', e.target.value as AttendeeStatus | '')}>
                  <option value="">{t('events.staff.attendees.anyStatus')}</option>
                  {ATTENDEE_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {t(`events.staff.attendeeStatuses.${status}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <TextInputField
              id={`${ID}-q`}
              name="q"
              type="search"
              label={t('events.staff.attendees.q')}
              value={draft.q}
              onValueChange={(value) => set('q', value)}
              autoComplete="off"
              maxLength={200}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              {t('events.staff.attendees.apply')}
            </button>
            <button type="button" className="button" onClick={() => apply(EMPTY_ATTENDEE_FILTERS)}>
              {t('events.staff.attendees.clear')}
            </button>
          </div>
        </form>
        <div className="attendee-export">
          <a className="button" href={attendeeExportUrl(event.id, applied, API_BASE_URL)} download aria-describedby="attendee-export-note">
            {t('events.staff.attendees.export')}
          </a>
          <p id="attendee-export-note" className="field__hint">
            {t('events.staff.attendees.exportNote')}
          </p>
        </div>
      </section>

      <div aria-busy={list.isFetching || undefined}>
        {list.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : problem && !data ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={problem} lead={t('events.staff.attendees.loadError')} />
            <button type="button" className="button button--small" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : !data ? null : data.items.length === 0 ? (
          <p role="status">{filtered ? t('events.staff.attendees.none') : t('events.staff.attendees.noneYet')}</p>
        ) : (
          <>
            <TableScroll label={caption}>
              <table className="data-table attendee-table">
                <caption className="data-table__caption" aria-live="polite">
                  {caption}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('events.staff.attendees.columns.name')}</th>
                    <th scope="col">{t('events.staff.attendees.columns.status')}</th>
                    <th scope="col">{t('events.staff.attendees.columns.seats')}</th>
                    <th scope="col">{t('events.staff.attendees.columns.registered')}</th>
                    <th scope="col">{t('events.staff.attendees.columns.checkedIn')}</th>
                    {questions.map((question) => (
                      <th key={question.id} scope="col">
                        {textIn(question.labelSv, question.labelEn, language)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((attendee) => (
                    <tr key={attendee.id}>
                      <th scope="row">
                        {name(attendee)}
                        {attendee.email ? <span className="muted block break-all">{attendee.email}</span> : null}
                      </th>
                      <td>
                        <span className={attendeeBadgeClass(attendee.status)}>{t(`events.staff.attendeeStatuses.${attendee.status}`)}</span>
                        {attendee.status === 'waiting' && attendee.position ? (
                          <span className="muted block">{t('events.staff.attendees.position', { position: attendee.position })}</span>
                        ) : null}
                      </td>
                      <td>
                        {attendee.seats}
                        {attendee.guests.length > 0 ? (
                          <span className="muted block">
                            {t('events.staff.attendees.guests', {
                              names: attendee.guests.map((guest) => guest || t('events.staff.attendees.unnamedGuest')).join(', '),
                            })}
                          </span>
                        ) : null}
                      </td>
                      <td className="nowrap">
                        <time dateTime={attendee.registeredAt}>{formatDateTime(attendee.registeredAt, language)}</time>
                      </td>
                      <td className="nowrap">
                        {attendee.checkedInAt ? <time dateTime={attendee.checkedInAt}>{formatDateTime(attendee.checkedInAt, language)}</time> : ''}
                      </td>
                      {questions.map((question) => (
                        <td key={question.id}>
                          {answerText(question, attendee.answers.find((a) => a.questionId === question.id)?.answer, language, t)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <Pager label={t('events.staff.attendees.pagerLabel')} page={data.page} pages={pages} linkTo={(page) => linkTo({ ...applied, page })} />
          </>
        )}
      </div>
    </>
  );
}
