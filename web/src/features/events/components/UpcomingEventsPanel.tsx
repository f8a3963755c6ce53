import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { toProblem } from '../../../lib/problem-details';
import { useMemberEvents } from '../api/member-events';
import { MEMBER_EVENTS_PATH, MY_EVENTS_PATH } from '../member-paths';
import { EventCard } from './EventCard';
import './member-events.css';

const UPCOMING = { page: 1, pageSize: 3 } as const;

/** A member's start page: the next few events of their audience, with the way to all events and to their own. */
export function UpcomingEventsPanel() {
  const { t } = useTranslation();
  const list = useMemberEvents(UPCOMING);
  return (
    <section className="panel upcoming-events" aria-labelledby="upcoming-events-heading">
      <h2 id="upcoming-events-heading" className="panel__title">
        {t('events.member.upcoming.title')}
      </h2>
      <div aria-busy={list.isPending || undefined}>
        {list.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : list.isError ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={toProblem(list.error)} lead={t('events.member.upcoming.loadError')} />
            <button type="button" className="button button--small" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : list.data.items.length === 0 ? (
          <p>{t('events.member.upcoming.none')}</p>
        ) : (
          <ul className="event-list" aria-label={t('events.member.upcoming.title')}>
            {list.data.items.map((event) => (
              <li key={event.id}>
                <EventCard event={event} headingLevel={3} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="upcoming-events__links">
        <Link to={MEMBER_EVENTS_PATH}>{t('events.member.upcoming.all')}</Link>
        <Link to={MY_EVENTS_PATH}>{t('events.member.upcoming.mine')}</Link>
      </p>
    </section>
  );
}
