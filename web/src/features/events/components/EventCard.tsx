import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventListItem } from '../../../api/generated';
import { useCountryName } from '../../../lib/countries';
import { currentLanguage } from '../../../lib/i18n';
import { langAttribute } from '../../../lib/bilingual';
import { eventPlace, eventText } from '../event-text';
import { eventDay } from '../event-time';
import { memberEventPath } from '../member-paths';
import { EventTime } from './EventTime';
import { SeatsLeft } from './SeatsLeft';
import './member-events.css';

/**
 * One event in the alumni's list: a date badge, the kind, the title (a link to the event) and summary in my language
 * (the other when missing), when (in the event's zone, and mine when it reads differently), where or "online", and
 * the seats left. `headingLevel` fits the list's place on the page.
 */
export function EventCard({ event, headingLevel = 2 }: { event: EventListItem; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const countryName = useCountryName();
  const headingId = useId();
  const title = eventText(event, 'title', language);
  const summary = eventText(event, 'summary', language);
  const place = eventPlace(event, countryName, false);
  const day = eventDay(event, language);
  const Heading = headingLevel === 3 ? 'h3' : 'h2';

  return (
    <article className={`event-card${event.status === 'cancelled' ? ' event-card--cancelled' : ''}`} aria-labelledby={headingId}>
      <div className="event-card__date" aria-hidden="true">
        <span className="event-card__day">{day.day}</span>
        <span className="event-card__month">{day.month}</span>
      </div>
      <div className="event-card__body">
        <p className="event-card__kind">
          {t(`events.common.kinds.${event.kind}`)}
          {event.status === 'cancelled' ? <span className="badge badge--danger badge--inline">{t('events.common.cancelled')}</span> : null}
        </p>
        <Heading id={headingId} className="event-card__title">
          <Link to={memberEventPath(event.id)} lang={langAttribute(title, language)}>
            {title?.text ?? t('events.common.untitled')}
          </Link>
        </Heading>
        {summary ? (
          <p className="event-card__summary" lang={langAttribute(summary, language)}>
            {summary.text}
          </p>
        ) : null}
        <dl className="event-card__facts">
          <div>
            <dt>{t('events.common.time')}</dt>
            <dd>
              <EventTime event={event} />
            </dd>
          </div>
          <div>
            <dt>{t('events.common.place')}</dt>
            <dd>
              {place && event.online
                ? t('events.common.placeAndOnline', { place })
                : place || t('events.common.online')}
            </dd>
          </div>
          {event.status === 'published' ? (
            <div>
              <dt>{t('events.common.seats')}</dt>
              <dd>
                <SeatsLeft seatsLeft={event.seatsLeft} />
              </dd>
            </div>
          ) : null}
        </dl>
      </div>
    </article>
  );
}
