import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useMemberDelivery } from '../api/bounces';
import './newsletter-admin.css';

export const BOUNCES_PATH = '/admin/bounces';

/**
 * Staff, on a member's page: whether newsletter mail to the member is stopped, why and since when, and the address's
 * latest bounces; admins get a link to lift the stop among the bounces.
 */
export function MailDeliveryBox({ memberId }: { memberId: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const auth = useAuth();
  const delivery = useMemberDelivery(memberId);
  const latest = delivery.data?.bounces.slice(0, 3) ?? [];

  return (
    <section className="panel" aria-labelledby="mail-delivery-heading">
      <h2 id="mail-delivery-heading" className="panel__title">
        {t('newsletterAdmin.delivery.title')}
      </h2>
      <div aria-busy={delivery.isPending || undefined}>
        {delivery.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : delivery.isError ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={toProblem(delivery.error)} lead={t('newsletterAdmin.delivery.loadError')} />
          </div>
        ) : delivery.data.stopped ? (
          <>
            <p className="notice notice--warning">
              {t('newsletterAdmin.delivery.stopped', {
                reason: t(`newsletterAdmin.delivery.reasons.${delivery.data.reason ?? 'hardBounce'}`),
              })}{' '}
              {delivery.data.since ? t('newsletterAdmin.delivery.since', { at: formatDateTime(delivery.data.since, language) }) : null}
            </p>
            {auth.me && hasRole(auth.me, 'admin') && latest.length > 0 ? (
              <p>
                <Link to={`${BOUNCES_PATH}?email=${encodeURIComponent(latest[0].email)}`}>{t('newsletterAdmin.delivery.toBounces')}</Link>
              </p>
            ) : null}
          </>
        ) : (
          <p>{t('newsletterAdmin.delivery.delivered')}</p>
        )}
        {latest.length > 0 ? (
          <ul className="delivery__bounces">
            {latest.map((bounce) => (
              <li key={bounce.id}>
                {t('newsletterAdmin.delivery.bounce', {
                  kind: t(`newsletterAdmin.bounces.kinds.${bounce.kind}`),
                  at: formatDateTime(bounce.createdAt, language),
                })}
                {bounce.reason ? <span className="muted">: {bounce.reason}</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}
