import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import type { FlashState } from '../../../lib/flash';
import { JOIN_PATH } from '../../../lib/paths';
import { SIGN_IN_PATH } from '../../../lib/return-to';
import { startPathFor } from '../../../lib/start-page';
import { useAuth } from '../../../lib/auth/me';
import { useDocumentTitle } from '../../../lib/use-document-title';
import './start.css';

const BENEFITS = ['events', 'news', 'network', 'students'] as const;

/**
 * The front page (`/`): what Stockholm University's alumni network is, what members get, who can join,
 * and the way in ("Join", "Sign in"). A signed-in visitor goes on to their start page, except right after
 * signing out (the sign-out's notice is shown here).
 */
export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  const auth = useAuth();
  const location = useLocation();
  const flash = (location.state as FlashState | null)?.flash;
  const signedOut = flash === 'signedOut' || flash === 'signedOutEverywhere';
  if (auth.me && !signedOut) return <Navigate to={startPathFor(auth.me)} replace />;

  return (
    <div className="page home">
      <section className="home__hero" aria-labelledby="home-title">
        <p className="home__eyebrow">{t('home.eyebrow')}</p>
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="home__lead">{t('home.lead')}</p>
        <div className="home__actions">
          <Link className="button button--primary button--large" to={JOIN_PATH}>
            {t('home.join')}
          </Link>
          <Link className="button button--large" to={SIGN_IN_PATH}>
            {t('home.signIn')}
          </Link>
        </div>
      </section>

      <section className="home__section" aria-labelledby="home-benefits">
        <h2 id="home-benefits">{t('home.benefitsTitle')}</h2>
        <ul className="home__benefits">
          {BENEFITS.map((benefit) => (
            <li key={benefit} className="home__benefit">
              <h3>{t(`home.benefits.${benefit}.title`)}</h3>
              <p>{t(`home.benefits.${benefit}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="home__section home__who" aria-labelledby="home-who">
        <h2 id="home-who">{t('home.whoTitle')}</h2>
        <p>{t('home.whoBody')}</p>
        <p>{t('home.privacyBody')}</p>
        <p>
          <Link to={JOIN_PATH}>{t('home.joinLink')}</Link>
        </p>
      </section>
    </div>
  );
}
