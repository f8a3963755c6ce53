import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { NETWORK_AREAS, NETWORK_PATH } from '../paths';
import './network.css';

/** The coordinator network's own menu, at the top of each of its pages: the areas this person may open. */
export function NetworkNav() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const admin = hasRole(me, 'admin');
  return (
    <nav className="network-nav" aria-label={t('network.nav.label')}>
      <ul>
        {NETWORK_AREAS.filter((area) => admin || !area.adminOnly).map((area) => (
          <li key={area.key}>
            <NavLink to={area.to} end={area.to === NETWORK_PATH}>
              {t(`network.nav.${area.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
