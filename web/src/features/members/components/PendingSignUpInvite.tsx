import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { JOIN_PATH } from '../../../lib/paths';
import { useMyPendingSignUp } from '../api/pending-sign-up';

/** The sign-up made for my address that waits for me: what it is, and the way to confirm it (on the join page). */
export function PendingSignUpInvite({ email }: { email: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel panel--invite" aria-labelledby="pending-sign-up-heading">
      <h2 id="pending-sign-up-heading" className="panel__title">
        {t('profile.pendingTitle')}
      </h2>
      <p>{t('profile.pendingBody', { email })}</p>
      <p>
        <Link className="button button--primary" to={JOIN_PATH}>
          {t('profile.pendingAction')}
        </Link>
      </p>
    </section>
  );
}

/**
 * The invitation above, shown only when a sign-up waits: for pages of people who may also have studied here, such as
 * the staff start page, whose sign-in lands them there rather than on their own page.
 */
export function PendingSignUpNotice() {
  const pending = useMyPendingSignUp();
  return pending.data ? <PendingSignUpInvite email={pending.data.email} /> : null;
}
