import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../LanguageSwitch';

/** The frame of every page: skip link, header with product name, main menu and language switch, footer. */
export function AppLayout() {
  const { t } = useTranslation();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
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
              <li>
                <NavLink to="/departments">{t('nav.departments')}</NavLink>
              </li>
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
