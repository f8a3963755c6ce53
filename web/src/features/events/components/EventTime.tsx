import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../lib/i18n';
import { eventTimes, type EventTimeFields } from '../event-time';
import './events.css';

/**
 * When an event is: its start and end in the event's own time zone, named, and below it the viewer's
 * own time where that reads differently. Inline content, for a card, a fact list or a heading's line.
 * `viewerZone` is for tests; the browser's zone otherwise.
 */
export function EventTime({ event, viewerZone }: { event: EventTimeFields; viewerZone?: string }) {
  const { t, i18n } = useTranslation();
  const times = eventTimes(event, currentLanguage(i18n), viewerZone);
  return (
    <span className="event-time">
      <span className="event-time__own">
        <time dateTime={times.event.dateTime}>{times.event.text}</time>{' '}
        <span className="event-time__zone">({times.event.zoneName})</span>
      </span>
      {times.viewer ? (
        <span className="event-time__viewer">
          {t('events.common.yourTime', { time: times.viewer.text, zone: times.viewer.zoneName })}
        </span>
      ) : null}
    </span>
  );
}
