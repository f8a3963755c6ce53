import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { JOIN_PATH } from '../../../lib/paths';

/** For someone signed in who is not a member (and has no sign-up waiting): what that means, and the way to join. */
export function NotMemberInvite({ email }: { email: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel panel--invite" aria-labelledby="not-member-heading">
      <h2 id="not-member-heading" className="panel__title">
        {t('profile.notMemberTitle')}
      </h2>
      <p>{t('profile.notMemberBody', { email })}</p>
      <p>
        <Link className="button button--primary" to={JOIN_PATH}>
          {t('profile.notMemberAction')}
        </Link>
      </p>
    </section>
  );
}
