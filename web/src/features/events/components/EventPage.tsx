import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MemberEventResponse } from '../../../api/generated';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { useCountryName } from '../../../lib/countries';
import { useFaculties } from '../../../lib/departments/faculties';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useMemberEvent } from '../api/member-events';
import { departmentName, langAttribute } from '../../../lib/bilingual';
import { formatDayInZone, formatInZone } from '../../../lib/zoned-time';
import { eventDescriptionHtml, eventPlace, eventText } from '../event-text';
import { MEMBER_EVENTS_PATH, MY_EVENTS_PATH, myEventCalendarUrl } from '../member-paths';
import { EventTime } from './EventTime';
import { MembersOnly } from './MembersOnly';
import { RegistrationSection } from './RegistrationSection';
import { SeatsLeft } from './SeatsLeft';
import './member-events.css';

/**
 * One event as an alumnus sees it (`/events/:id`): title, summary and description in my language (the other where
 * missing; the description is the server's sanitised HTML), when (the event's zone and mine), where (or online: the
 * link once I have a seat), who organises it, the seats left and the registration window, and my registration.
 * The registration section registers me, or shows and cancels my registration. A draft, or an event outside my
 * audience, is "not found".
 */
export function EventPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const event = useMemberEvent(id);
  const problem = event.error ? toProblem(event.error) : null;
  const language = currentLanguage(i18n);
  const title = event.data ? eventText(event.data, 'title', language) : null;
  useDocumentTitle(title?.text ?? t('events.member.detail.title'));

  if (event.isPending) {
    return (
      <div className="page page--medium">
        <Back />
        <div className="page__header">
          <h1>{t('events.member.detail.title')}</h1>
        </div>
        <p className="loading">{t('common.loading')}</p>
      </div>
    );
  }

  if (!event.data) {
    return (
      <div className="page page--medium">
        <Back />
        <div className="page__header">
          <h1>{problem?.kind === 'not-found' ? t('events.member.detail.notFoundTitle') : t('events.member.detail.title')}</h1>
        </div>
        {problem?.kind === 'not-found' ? (
          <p>{t('events.member.detail.notFoundBody')}</p>
        ) : problem?.kind === 'forbidden' ? (
          <MembersOnly />
        ) : problem ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={problem} lead={t('events.member.detail.loadError')} />
            <button type="button" className="button button--small" onClick={() => void event.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : null}
      </div>
    );
  }

  return <EventDetail event={event.data} />;
}

function Back() {
  const { t } = useTranslation();
  return (
    <p className="event-back">
      <Link to={MEMBER_EVENTS_PATH}>{t('events.member.detail.back')}</Link>
    </p>
  );
}

function EventDetail({ event }: { event: MemberEventResponse }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const countryName = useCountryName();
  const faculties = useFaculties(false);
  const title = eventText(event, 'title', language);
  const summary = eventText(event, 'summary', language);
  const description = eventDescriptionHtml(event, language);
  const place = eventPlace(event, countryName);
  const organiser = event.organiserDepartmentCode
    ? departmentName(event.organiserDepartmentCode, faculties.data, language)
    : t('events.common.centralOffice');
  const cohosts = event.cohostDepartmentCodes.map((code) => departmentName(code, faculties.data, language));
  const opens = formatInZone(event.registrationOpensAt, event.timeZone, language);
  const closes = formatInZone(event.registrationClosesAt, event.timeZone, language);

  return (
    <div className="page page--medium event-page">
      <Back />
      <div className="page__header">
        <p className="event-page__kind">{t(`events.common.kinds.${event.kind}`)}</p>
        <h1 lang={langAttribute(title, language)}>{title?.text ?? t('events.common.untitled')}</h1>
        {summary ? (
          <p className="page__intro" lang={langAttribute(summary, language)}>
            {summary.text}
          </p>
        ) : null}
      </div>

      {event.status === 'cancelled' ? (
        <p className="notice notice--warning">{t('events.member.detail.cancelled')}</p>
      ) : event.status === 'completed' ? (
        <p className="notice">{t('events.member.detail.completed')}</p>
      ) : null}

      {event.myRegistrationStatus === 'confirmed' || event.myRegistrationStatus === 'waiting' ? (
        <p className="notice notice--success">
          {t(`events.member.detail.registered.${event.myRegistrationStatus}`)} <Link to={MY_EVENTS_PATH}>{t('events.member.detail.toMyEvents')}</Link>
        </p>
      ) : null}

      <section className="panel" aria-labelledby="event-facts-heading">
        <h2 id="event-facts-heading" className="panel__title">
          {t('events.member.detail.factsTitle')}
        </h2>
        <dl className="event-facts">
          <div>
            <dt>{t('events.common.time')}</dt>
            <dd>
              <EventTime event={event} />
            </dd>
          </div>
          <div>
            <dt>{t('events.common.place')}</dt>
            <dd>
              {place ? <span className="event-line">{place}</span> : null}
              {event.online ? (
                event.onlineUrl ? (
                  <a href={event.onlineUrl} rel="noopener noreferrer" target="_blank">
                    {t('events.member.detail.onlineLink')}
                    <span className="visually-hidden"> {t('common.newTab')}</span>
                  </a>
                ) : (
                  <span className="event-line">
                    {place ? t('events.member.detail.alsoOnline') : t('events.common.online')}{' '}
                    <span className="muted">{t('events.member.detail.onlineLinkLater')}</span>
                  </span>
                )
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t('events.member.detail.organiser')}</dt>
            <dd>
              {organiser}
              {cohosts.length > 0 ? (
                <span className="event-line muted">{t('events.member.detail.cohosts', { departments: cohosts.join(', ') })}</span>
              ) : null}
            </dd>
          </div>
          {event.status === 'published' ? (
            <div>
              <dt>{t('events.common.seats')}</dt>
              <dd>
                <SeatsLeft
                  seatsLeft={event.seatsLeft}
                  registered={event.myRegistrationStatus === 'confirmed' || event.myRegistrationStatus === 'waiting'}
                />
                {event.guestsAllowed > 0 ? (
                  <span className="event-line muted">{t('events.member.detail.guestsAllowed', { count: event.guestsAllowed })}</span>
                ) : null}
              </dd>
            </div>
          ) : null}
          {event.status === 'published' && (opens || closes) ? (
            <div>
              <dt>{t('events.member.detail.registration')}</dt>
              <dd>
                {opens ? <span className="event-line">{t('events.member.detail.opens', { date: opens })}</span> : null}
                {closes ? <span className="event-line">{t('events.member.detail.closes', { date: closes })}</span> : null}
              </dd>
            </div>
          ) : null}
        </dl>
        <p className="event-page__retention muted">
          {t('events.member.detail.retention', { date: formatDayInZone(event.personalDataDeletedOn, event.timeZone, language) })}
        </p>
        {event.status !== 'completed' ? (
          <p className="event-page__calendar">
            <a href={myEventCalendarUrl(event.id, language)} download="event.ics">
              {t('events.member.mine.calendar')}
            </a>
          </p>
        ) : null}
      </section>

      <RegistrationSection event={event} />

      {description ? (
        <section className="event-page__about" aria-labelledby="event-about-heading">
          <h2 id="event-about-heading">{t('events.member.detail.about')}</h2>
          {/* The API's HTML: Markdown rendered and sanitised on the server (no scripts, styles or images). */}
          <div
            className="event-description"
            lang={langAttribute(description, language)}
            dangerouslySetInnerHTML={{ __html: description.text }}
          />
        </section>
      ) : null}
    </div>
  );
}
