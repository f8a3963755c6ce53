import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** What a signed-in person who is not an active member sees instead of the events (the API's 403): how to become one. */
export function MembersOnly() {
  const { t } = useTranslation();
  return (
    <section className="panel panel--invite" aria-labelledby="events-members-only-heading">
      <h2 id="events-members-only-heading" className="panel__title">
        {t('events.member.membersOnly.title')}
      </h2>
      <p>{t('events.member.membersOnly.body')}</p>
      <p>
        <Link to="/me/profile">{t('events.member.membersOnly.toProfile')}</Link>
      </p>
    </section>
  );
}
