import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { toProblem } from '../../../lib/problem-details';
import { useEventFigures } from '../api/staff-attendance';

/** An event's figures (registered, waiting, checked in, no-shows, cancelled, left), each a number with its words. */
export function EventFigures({ eventId, headingLevel = 2 }: { eventId: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const figures = useEventFigures(eventId);
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  const headingId = `event-figures-${eventId}`;
  const data = figures.data;
  const problem = figures.error && !data ? toProblem(figures.error) : null;
  const item = (value: number | string, label: string, note?: string) => (
    <li className="figure">
      <span className="figure__value">{value}</span>
      <span className="figure__label">{label}</span>
      {note ? <span className="figure__label">{note}</span> : null}
    </li>
  );
  return (
    <section className="panel" aria-labelledby={headingId} aria-busy={figures.isFetching || undefined}>
      <Heading id={headingId} className="panel__title">
        {t('events.staff.figures.title')}
      </Heading>
      {problem ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('events.staff.figures.loadError')} />
        </div>
      ) : !data ? (
        <p className="loading">{t('common.loading')}</p>
      ) : (
        <ul className="figures">
          {item(
            data.registrations,
            t('events.staff.figures.registered'),
            data.capacity === undefined || data.capacity === null
              ? t('events.staff.figures.seats', { count: data.seats })
              : t('events.staff.figures.seatsOf', { count: data.seats, capacity: data.capacity }),
          )}
          {item(data.waiting, t('events.staff.figures.waiting'), t('events.staff.figures.seats', { count: data.waitingSeats }))}
          {item(data.checkedIn, t('events.staff.figures.checkedIn'), t('events.staff.figures.seats', { count: data.checkedInSeats }))}
          {item(data.ended ? data.noShows : '–', t('events.staff.figures.noShows'), data.ended ? undefined : t('events.staff.figures.noShowsLater'))}
          {item(data.cancelled, t('events.staff.figures.cancelled'))}
          {item(data.left, t('events.staff.figures.left'))}
        </ul>
      )}
    </section>
  );
}
