import { Suspense } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/auth/api/me';
import { AccountArea, type FlashState } from '../../features/auth/components/AccountArea';
import { UnauthorizedRedirect } from '../../features/auth/components/UnauthorizedRedirect';
import { navigationFor, type NavKey } from '../../features/auth/navigation';
import { useDevMailboxAvailable } from '../../features/dev/api/mailbox';
import { LanguageSwitch } from '../LanguageSwitch';

const NAV_LABELS = {
  departments: 'nav.departments',
  people: 'nav.people',
  apiKeys: 'nav.apiKeys',
  audit: 'nav.audit',
  devMailbox: 'nav.devMailbox',
} as const satisfies Record<NavKey, string>;

/**
 * The frame of every page: skip link, header with product name, main menu (by role), account and
 * language switch, footer. Also sends the user to sign in when an API call answers 401.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const devMailbox = useDevMailboxAvailable();
  const items = navigationFor(me.data, { devMailbox });
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <UnauthorizedRedirect />
      <header className="app-header">
        <div className="app-header__inner">
          <NavLink to="/departments" className="brand" aria-label={t('app.homeLink')}>
            <span className="brand__product">{t('app.product')}</span>
            <span className="brand__separator" aria-hidden="true">
              –
            </span>
            <span className="brand__university">{t('app.university')}</span>
          </NavLink>
          <nav className="main-nav" aria-label={t('app.mainNav')}>
            <ul>
              {items.map((item) => (
                <li key={item.key}>
                  <NavLink to={item.to}>{t(NAV_LABELS[item.key])}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <AccountArea />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <FlashNotice />
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}

function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <p className="loading">{t('common.loading')}</p>
    </div>
  );
}

/** A one-off notice carried in the navigation state (e.g. after signing out). */
function FlashNotice() {
  const { t } = useTranslation();
  const location = useLocation();
  const flash = (location.state as FlashState | null)?.flash;
  if (!flash) return null;
  return (
    <p className="notice notice--success flash" role="status">
      {flash === 'signedOutEverywhere' ? t('auth.signedOutEverywhere') : t('auth.signedOut')}
    </p>
  );
}
