import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useFeedbackSummary } from '../api/staff-attendance';

/** The organiser's view of the feedback: how many answered, the average, each rating's count, and the comments without names. */
export function FeedbackSummary({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const feedback = useFeedbackSummary(eventId);
  const data = feedback.data;
  const problem = feedback.error && !data ? toProblem(feedback.error) : null;
  const headingId = `event-feedback-${eventId}`;
  const most = data ? Math.max(1, ...data.distribution.map((entry) => entry.count)) : 1;
  const average = data?.average === undefined || data?.average === null ? null : new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 1 }).format(data.average);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t('events.staff.feedback.title')}
      </h2>
      {problem ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('events.staff.feedback.loadError')} />
        </div>
      ) : !data ? (
        <p className="loading">{t('common.loading')}</p>
      ) : data.count === 0 ? (
        <p>{t('events.staff.feedback.none')}</p>
      ) : (
        <>
          <p className="feedback__count">{t('events.staff.feedback.count', { count: data.count, average })}</p>
          <h3 className="question__title">{t('events.staff.feedback.distribution')}</h3>
          <ul className="feedback-bars">
            {[...data.distribution]
              .sort((a, b) => b.rating - a.rating)
              .map((entry) => (
                <li key={entry.rating} className="feedback-bars__row">
                  <span className="feedback-bars__label">{t('events.staff.feedback.rating', { rating: entry.rating })}</span>
                  <span className="feedback-bars__bar" aria-hidden="true">
                    <span className="feedback-bars__fill" style={{ width: `${(entry.count / most) * 100}%` }} />
                  </span>
                  <span className="feedback-bars__count">{entry.count}</span>
                </li>
              ))}
          </ul>
          <h3 className="question__title">{t('events.staff.feedback.comments')}</h3>
          {data.comments.length === 0 ? (
            <p>{t('events.staff.feedback.noComments')}</p>
          ) : (
            <ul className="feedback-comments">
              {data.comments.map((comment, i) => (
                <li key={i} className="feedback-comment">
                  <p className="event-text">{comment.comment}</p>
                  <p className="muted">{t('events.staff.feedback.rating', { rating: comment.rating })}</p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
