import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { MyRegistrationSummary, RegistrationPeriod } from '../../../api/generated';
import { ConfirmPanel } from '../../../components/ConfirmPanel';
import { Pager } from '../../../components/Pager';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { useCountryName } from '../../../lib/countries';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCancelRegistration, useMyRegistration, useMyRegistrations } from '../api/my-registrations';
import { eventPlace } from '../event-text';
import { pageCount } from '../member-event-filters';
import { MEMBER_EVENTS_PATH, memberEventPath, myEventCalendarUrl } from '../member-paths';
import { CheckInCode } from './CheckInCode';
import { CalendarFeedPanel } from './CalendarFeedPanel';
import { EventTime } from './EventTime';
import { MembersOnly } from './MembersOnly';
import './member-events.css';

/**
 * My events (`/me/events`): my registrations for upcoming events (soonest first) or past ones (latest first), each
 * with where it stands (my seats, my place on the waiting list, cancelled), and for a current one my check-in code as
 * a QR code, the calendar file, and cancelling it or leaving the waiting list.
 */
export function MyEventsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('events.member.mine.title'));
  const [params] = useSearchParams();
  const when: RegistrationPeriod = params.get('when') === 'past' ? 'past' : 'upcoming';
  const pageParam = Number(params.get('page'));
  const page = Number.isInteger(pageParam) && pageParam >= 1 ? pageParam : 1;
  const list = useMyRegistrations(when, page);
  const data = list.data;
  const linkTo = (next: RegistrationPeriod, p = 1) => {
    const query = new URLSearchParams();
    if (next === 'past') query.set('when', 'past');
    if (p > 1) query.set('page', String(p));
    return `?${query.toString()}`;
  };

  return (
    <div className="page page--medium">
      <div className="page__header">
        <h1>{t('events.member.mine.title')}</h1>
        <p className="page__intro">{t('events.member.mine.intro')}</p>
      </div>
      <nav className="my-events__periods" aria-label={t('events.member.mine.periodsLabel')}>
        <Link to={linkTo('upcoming')} aria-current={when === 'upcoming' ? 'page' : undefined}>
          {t('events.member.mine.upcoming')}
        </Link>
        <Link to={linkTo('past')} aria-current={when === 'past' ? 'page' : undefined}>
          {t('events.member.mine.past')}
        </Link>
      </nav>
      <div aria-busy={list.isFetching || undefined}>
        {list.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : list.isError && toProblem(list.error).kind === 'forbidden' ? (
          <MembersOnly />
        ) : list.isError ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={toProblem(list.error)} lead={t('events.member.mine.loadError')} />
            <button type="button" className="button button--small" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : !data ? null : data.items.length === 0 ? (
          <p>
            {when === 'past' ? t('events.member.mine.nonePast') : t('events.member.mine.none')}{' '}
            <Link to={MEMBER_EVENTS_PATH}>{t('events.member.mine.findEvents')}</Link>
          </p>
        ) : (
          <>
            <ul className="event-list" aria-label={when === 'past' ? t('events.member.mine.pastLabel') : t('events.member.mine.listLabel')}>
              {data.items.map((registration) => (
                <li key={registration.id}>
                  <RegistrationCard registration={registration} current={when === 'upcoming'} />
                </li>
              ))}
            </ul>
            <Pager
              label={t('events.member.mine.pagerLabel')}
              page={data.page}
              pages={pageCount(data.total, data.pageSize)}
              linkTo={(p) => linkTo(when, p)}
            />
          </>
        )}
      </div>
      <CalendarFeedPanel />
    </div>
  );
}

/** Where a registration stands, in words: my seats, my place on the waiting list, cancelled or left. */
function RegistrationStatusText({ registration }: { registration: MyRegistrationSummary }) {
  const { t } = useTranslation();
  switch (registration.status) {
    case 'confirmed':
      return <>{t('events.member.register.confirmed', { count: registration.seats })}</>;
    case 'waiting':
      return <>{t('events.member.register.waiting', { position: registration.position ?? '?' })}</>;
    case 'cancelled':
      return <>{t('events.member.mine.cancelled')}</>;
    default:
      return <>{t('events.member.mine.left')}</>;
  }
}

/** One registration: its event (title, time, place), where it stands, and what I can do with it. */
function RegistrationCard({ registration, current }: { registration: MyRegistrationSummary; current: boolean }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const headingId = useId();
  const active = registration.status === 'confirmed' || registration.status === 'waiting';
  const place = eventPlace(registration, countryName);
  const eventCancelled = registration.eventStatus === 'cancelled';

  return (
    <article className={`event-card my-registration${active ? '' : ' my-registration--inactive'}`} aria-labelledby={headingId}>
      <div className="event-card__body">
        <h2 id={headingId} className="event-card__title">
          <Link to={memberEventPath(registration.eventId)}>{registration.title}</Link>
        </h2>
        {eventCancelled ? <p className="notice notice--warning">{t('events.member.detail.cancelled')}</p> : null}
        <dl className="event-card__facts">
          <div>
            <dt>{t('events.common.time')}</dt>
            <dd>
              <EventTime event={registration} />
            </dd>
          </div>
          {place ? (
            <div>
              <dt>{t('events.common.place')}</dt>
              <dd>{place}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('events.member.mine.status')}</dt>
            <dd>
              <strong className={`my-registration__status my-registration__status--${registration.status}`}>
                <RegistrationStatusText registration={registration} />
              </strong>
            </dd>
          </div>
        </dl>
        {active && current && !eventCancelled ? <RegistrationActions registration={registration} /> : null}
      </div>
    </article>
  );
}

function RegistrationActions({ registration }: { registration: MyRegistrationSummary }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [showCode, setShowCode] = useState(false);
  const [asking, setAsking] = useState(false);
  const detail = useMyRegistration(registration.eventId, { enabled: showCode });
  const cancel = useCancelRegistration();
  const waiting = registration.status === 'waiting';
  const codeId = useId();

  return (
    <div className="my-registration__actions">
      <div className="form-actions">
        {!waiting ? (
          <button type="button" className="button" aria-expanded={showCode} aria-controls={codeId} onClick={() => setShowCode((s) => !s)}>
            {showCode ? t('events.member.mine.hideCode') : t('events.member.mine.showCode')}
          </button>
        ) : null}
        {!waiting ? (
          <a className="button" href={myEventCalendarUrl(registration.eventId, language)} download="event.ics">
            {t('events.member.mine.calendar')}
          </a>
        ) : null}
        {!asking ? (
          <button type="button" className="button" onClick={() => setAsking(true)}>
            {waiting ? t('events.member.register.leave') : t('events.member.register.cancel')}
          </button>
        ) : null}
      </div>
      <div id={codeId} hidden={!showCode}>
        {showCode ? (
          detail.data ? (
            <CheckInCode code={detail.data.checkInCode} title={registration.title} />
          ) : detail.isError ? (
            <div className="notice notice--error" role="alert">
              <ProblemMessage problem={toProblem(detail.error)} lead={t('events.member.mine.codeError')} />
            </div>
          ) : (
            <p className="loading">{t('common.loading')}</p>
          )
        ) : null}
      </div>
      {cancel.isError ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={toProblem(cancel.error)} lead={t('events.member.register.cancelFailed')} />
        </div>
      ) : null}
      {asking ? (
        <ConfirmPanel
          headingId={`${codeId}-cancel`}
          headingLevel={3}
          title={waiting ? t('events.member.register.leaveTitle') : t('events.member.register.cancelTitle')}
          body={waiting ? t('events.member.register.leaveBody') : t('events.member.register.cancelBody')}
          confirmLabel={waiting ? t('events.member.register.leave') : t('events.member.register.cancel')}
          pending={cancel.isPending}
          onConfirm={() => {
            if (!cancel.isPending) cancel.mutate(registration.eventId, { onSettled: () => setAsking(false) });
          }}
          onCancel={() => setAsking(false)}
        />
      ) : null}
    </div>
  );
}
