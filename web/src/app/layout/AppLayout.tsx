import { Suspense, useState, type KeyboardEvent } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../lib/auth/me';
import { AccountArea } from '../../features/auth/components/AccountArea';
import type { FlashState } from '../../lib/flash';
import { UnauthorizedRedirect } from '../../features/auth/components/UnauthorizedRedirect';
import { navigationFor, networkNavigationFor, type NavItem, type NavKey } from '../../features/auth/navigation';
import { useDevMailboxAvailable } from '../../lib/dev-mailbox';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { HOME_PATH } from '../../lib/start-page';

const NAV_LABELS = {
  departments: 'nav.departments',
  people: 'nav.people',
  apiKeys: 'nav.apiKeys',
  audit: 'nav.audit',
  imports: 'nav.imports',
  welcomeSeries: 'nav.welcomeSeries',
  bounces: 'nav.bounces',
  devMailbox: 'nav.devMailbox',
  myPage: 'nav.myPage',
  profile: 'nav.profile',
  directory: 'nav.directory',
  members: 'nav.members',
  campaigns: 'nav.campaigns',
  events: 'nav.events',
  staffEvents: 'nav.staffEvents',
  occasions: 'nav.occasions',
  newsletters: 'nav.newsletters',
  network: 'nav.network',
} as const satisfies Record<NavKey, string>;

const MENU_ID = 'app-menu';
const SUBNAV_ID = 'app-subnav';
const MENU_BUTTON_ID = 'app-menu-button';

/**
 * The frame of every page: skip link, header with product name (a link to the front page, which leads
 * a signed-in person on to their start page), main menu, account and language switch, the alumni
 * network's menus (my page, my profile and the directory for everyone signed in; members and campaigns
 * for staff; departments, people, API keys and the audit log for admins), footer. On a narrow screen
 * the menus, account and language fold behind a menu button (a disclosure: Escape closes it and
 * returns to the button, and every navigation closes it). Also sends the user to sign in when an API
 * call answers 401.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const devMailbox = useDevMailboxAvailable();
  const items = navigationFor(me.data, { devMailbox });
  const network = networkNavigationFor(me.data);
  const hasSubnav = network.personal.length > 0 || network.staff.length > 0 || network.admin.length > 0;
  // Open for the location it was opened on: any navigation closes it.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const menuOpen = openAt === location.key;
  const closeOnEscape = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || !menuOpen) return;
    setOpenAt(null);
    document.getElementById(MENU_BUTTON_ID)?.focus();
  };
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <UnauthorizedRedirect />
      <header className="app-header" data-menu={menuOpen ? 'open' : 'closed'} onKeyDown={closeOnEscape}>
        <div className="app-header__inner">
          <Link to={HOME_PATH} className="brand" aria-label={t('app.homeLink')}>
            <span className="brand__product">{t('app.product')}</span>
            <span className="brand__separator" aria-hidden="true">
              –
            </span>
            <span className="brand__university">{t('app.university')}</span>
          </Link>
          <button
            type="button"
            id={MENU_BUTTON_ID}
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls={hasSubnav ? `${MENU_ID} ${SUBNAV_ID}` : MENU_ID}
            onClick={() => setOpenAt(menuOpen ? null : location.key)}
          >
            <span className="menu-button__icon" aria-hidden="true" />
            {t('nav.menu')}
          </button>
          <div id={MENU_ID} className="app-menu">
            {items.length > 0 ? (
              <nav className="main-nav" aria-label={t('app.mainNav')}>
                <ul>
                  {items.map((item) => (
                    <li key={item.key}>
                      <NavLink to={item.to}>{t(NAV_LABELS[item.key])}</NavLink>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            <AccountArea />
            <LanguageSwitch />
          </div>
        </div>
        {hasSubnav ? (
          <div id={SUBNAV_ID} className="app-subnav">
            <div className="app-subnav__inner">
              <SubMenu label={t('app.networkNav')} items={network.personal} />
              <SubMenu label={t('app.staffNav')} items={network.staff} />
              <SubMenu label={t('app.adminNav')} items={network.admin} />
            </div>
          </div>
        ) : null}
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

/** One of the alumni network's menus, named by its heading-like label; nothing when it has no items. */
function SubMenu({ label, items }: { label: string; items: NavItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <nav className="sub-nav" aria-label={label}>
      <span className="sub-nav__label" aria-hidden="true">
        {label}
      </span>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            {/* "My page" (/me) is not current on the pages under it (/me/profile has its own item). */}
            <NavLink to={item.to} end={item.key === 'myPage'}>
              {t(NAV_LABELS[item.key])}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
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
  const messages: Record<NonNullable<FlashState['flash']>, string> = {
    signedOut: t('auth.signedOut'),
    signedOutEverywhere: t('auth.signedOutEverywhere'),
    welcome: t('members.welcome'),
    memberErased: t('staffMembers.messages.erased'),
  };
  return (
    <p className="notice notice--success flash" role="status">
      {messages[flash]}
    </p>
  );
}
