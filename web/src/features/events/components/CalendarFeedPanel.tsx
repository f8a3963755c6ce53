import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedCalendarFeedResponse } from '../../../api/generated';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useCreateMyCalendarFeed, useMyCalendarFeed, useRevokeMyCalendarFeed } from '../api/calendar-feed';

const ID = 'calendar-feed';

/**
 * My events in my calendar application: a private address (a feed of the events I am registered for) to subscribe
 * to. The address is shown only once, when it is made; making a new one, or stopping the feed, ends the old address.
 */
export function CalendarFeedPanel() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const feed = useMyCalendarFeed();
  const create = useCreateMyCalendarFeed();
  const revoke = useRevokeMyCalendarFeed();
  const [created, setCreated] = useState<CreatedCalendarFeedResponse | null>(null);
  const failed = create.error ?? revoke.error;

  const make = () => {
    if (create.isPending) return;
    revoke.reset();
    create.mutate(undefined, { onSuccess: setCreated });
  };
  const stop = () => {
    if (revoke.isPending) return;
    create.reset();
    revoke.mutate(undefined, { onSuccess: () => setCreated(null) });
  };

  return (
    <section className="panel calendar-feed" aria-labelledby={`${ID}-heading`}>
      <h2 id={`${ID}-heading`} className="panel__title">
        {t('events.member.feed.title')}
      </h2>
      <p>{t('events.member.feed.intro')}</p>
      {failed ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={toProblem(failed)} lead={t('events.member.feed.failed')} />
        </div>
      ) : null}
      {feed.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : feed.isError ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={toProblem(feed.error)} lead={t('events.member.feed.loadError')} />
        </div>
      ) : (
        <>
          {created ? (
            <div className="calendar-feed__address" role="status">
              <p>{t('events.member.feed.created')}</p>
              <label className="field__label" htmlFor={`${ID}-url`}>
                {t('events.member.feed.address')}
              </label>
              <input id={`${ID}-url`} className="input" readOnly value={created.feedUrl} onFocus={(event) => event.target.select()} />
              <p>
                <a href={created.webcalUrl}>{t('events.member.feed.subscribe')}</a>
              </p>
            </div>
          ) : feed.data.exists ? (
            <p>{t('events.member.feed.exists', { date: formatDateTime(feed.data.createdAt, language) })}</p>
          ) : null}
          <div className="form-actions">
            <button type="button" className="button" aria-disabled={create.isPending || undefined} onClick={make}>
              {feed.data.exists ? t('events.member.feed.renew') : t('events.member.feed.create')}
            </button>
            {feed.data.exists ? (
              <button type="button" className="button" aria-disabled={revoke.isPending || undefined} onClick={stop}>
                {t('events.member.feed.revoke')}
              </button>
            ) : null}
          </div>
          {revoke.isSuccess ? (
            <p className="notice notice--success" role="status">
              {t('events.member.feed.revoked')}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
