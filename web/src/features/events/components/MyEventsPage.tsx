import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useMemberEvents } from '../api/member-events';
import { MEMBER_EVENTS_PATH } from '../member-paths';
import { CalendarFeedPanel } from './CalendarFeedPanel';
import { EventCard } from './EventCard';
import { MembersOnly } from './MembersOnly';
import './member-events.css';

const REGISTERED = { registered: true, page: 1, pageSize: 50 } as const;

/** My events (`/me/events`): the upcoming events I am registered for (confirmed or on the waiting list). */
export function MyEventsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('events.member.mine.title'));
  const list = useMemberEvents(REGISTERED);
  return (
    <div className="page page--medium">
      <div className="page__header">
        <h1>{t('events.member.mine.title')}</h1>
        <p className="page__intro">{t('events.member.mine.intro')}</p>
      </div>
      <div aria-busy={list.isPending || undefined}>
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
        ) : list.data.items.length === 0 ? (
          <p>
            {t('events.member.mine.none')} <Link to={MEMBER_EVENTS_PATH}>{t('events.member.mine.findEvents')}</Link>
          </p>
        ) : (
          <ul className="event-list" aria-label={t('events.member.mine.listLabel')}>
            {list.data.items.map((event) => (
              <li key={event.id}>
                <EventCard event={event} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <CalendarFeedPanel />
    </div>
  );
}
