import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { NETWORK_PATH } from '../paths';
import './network-home.css';

/** On the staff start page: the way to the network's start page (a coordinator's figures, what is new, meetings, news). */
export function NetworkStartPanel() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const admin = hasRole(me, 'admin');
  return (
    <section className="panel network-start-panel" aria-labelledby="network-start-panel">
      <h2 id="network-start-panel" className="panel__title">
        {t('network.startPanel.title')}
      </h2>
      <p>{admin ? t('network.startPanel.bodyOffice') : t('network.startPanel.body')}</p>
      <p>
        <Link to={NETWORK_PATH} className="button button--primary">
          {t('network.startPanel.open')}
        </Link>
      </p>
    </section>
  );
}
