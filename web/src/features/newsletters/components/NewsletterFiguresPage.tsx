import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { TableScroll } from '../../../components/TableScroll';
import { currentLanguage, type Language } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useTopicFigures } from '../api/library';
import { topicName } from '../newsletter-text';
import { NEWSLETTERS_PATH } from '../paths';
import './newsletters.css';

const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

/** `2026-03` as "March 2026" in the UI language. */
function monthName(month: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  return new Intl.DateTimeFormat(LOCALES[language], { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)),
  );
}

/**
 * Staff: each topic's subscribers now and, by month, the mail sent to it and the unsubscribes from it; a table per
 * topic, with a plain bar beside the sent count (its number is in the cell: the bar only repeats it).
 */
export function NewsletterFiguresPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('newsletters.topicFigures.title'));
  const figures = useTopicFigures();
  const problem = figures.error ? toProblem(figures.error) : null;
  const topics = figures.data?.topics ?? [];
  return (
    <div className="page page--medium newsletters">
      <p className="back-link">
        <Link to={NEWSLETTERS_PATH}>{t('newsletters.back')}</Link>
      </p>
      <div className="page__header">
        <h1>{t('newsletters.topicFigures.title')}</h1>
        <p className="page__intro">{t('newsletters.topicFigures.intro')}</p>
      </div>
      <p className="notice notice--info newsletter-privacy">{t('newsletters.campaign.noTracking')}</p>
      {figures.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem && !figures.data ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('newsletters.topicFigures.loadError')} />
        </div>
      ) : topics.length === 0 ? (
        <p role="status">{t('newsletters.topicFigures.none')}</p>
      ) : (
        topics.map((topic) => {
          const name = topicName(topic, language);
          const most = Math.max(1, ...topic.months.map((month) => month.sent));
          return (
            <section key={topic.topicId} className="panel" aria-labelledby={`topic-figures-${topic.topicId}`}>
              <h2 id={`topic-figures-${topic.topicId}`} className="panel__title">
                {name}
              </h2>
              <p>{t('newsletters.topicFigures.subscribersNow', { count: topic.subscribersNow })}</p>
              {topic.months.length === 0 ? (
                <p className="muted">{t('newsletters.topicFigures.nothingYet')}</p>
              ) : (
                <TableScroll label={t('newsletters.topicFigures.tableLabel', { name })}>
                  <table className="data-table topic-figures">
                    <caption className="visually-hidden">{t('newsletters.topicFigures.tableLabel', { name })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('newsletters.topicFigures.month')}</th>
                        <th scope="col" className="numeric">
                          {t('newsletters.topicFigures.sent')}
                        </th>
                        <th scope="col" className="numeric">
                          {t('newsletters.topicFigures.unsubscribes')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {topic.months.map((month) => (
                        <tr key={month.month}>
                          <th scope="row">{monthName(month.month, language)}</th>
                          <td className="numeric">
                            <span className="topic-figures__bar" aria-hidden="true" style={{ inlineSize: `${(month.sent / most) * 6}rem` }} />
                            {month.sent}
                          </td>
                          <td className="numeric">{month.unsubscribes}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              )}
            </section>
          );
        })
      )}
    </div>
  );
}
