import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { useAuth } from '../../../lib/auth/me';
import { toProblem } from '../../../lib/problem-details';
import { signInPath } from '../../../lib/return-to';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { usePreferencesByToken, useUpdatePreferencesByToken } from '../api/preferences';
import { TopicPreferences } from './TopicPreferences';
import './preferences.css';

/** Where a member changes what we send them when signed in. */
export const PROFILE_PATH = '/me/profile';

/**
 * The preference page a newsletter mail's link opens (`/preferences/:token`), without signing in: the member's topics
 * as switches with their descriptions, the language of mail, and "Unsubscribe from everything". Opening it changes
 * nothing (mail scanners follow links): only Save does. A forged or expired link says so, and offers signing in to
 * change the same on the profile.
 */
export function PreferencesPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const preferences = usePreferencesByToken(token);
  const save = useUpdatePreferencesByToken(token);
  const problem = preferences.error ? toProblem(preferences.error) : null;
  const linkBroken = problem !== null && (problem.status === 404 || problem.status === 410);
  useDocumentTitle(linkBroken ? t('preferences.brokenTitle') : t('preferences.title'));

  return (
    <div className="page page--medium">
      {preferences.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : linkBroken ? (
        <BrokenLink expired={problem.status === 410} />
      ) : problem ? (
        <>
          <h1>{t('preferences.title')}</h1>
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={problem} lead={t('preferences.loadError')} />
            <button type="button" className="button button--small" onClick={() => void preferences.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        </>
      ) : preferences.data ? (
        <>
          <div className="page__header">
            <h1>{t('preferences.title')}</h1>
            <p className="page__intro">
              {preferences.data.firstName ? t('preferences.greeting', { name: preferences.data.firstName }) : null}{' '}
              {t('preferences.intro')}
            </p>
          </div>
          <section className="panel" aria-label={t('preferences.title')}>
            <TopicPreferences idPrefix="preferences" preferences={preferences.data} save={save} withLanguage withUnsubscribeAll />
          </section>
          <p className="preferences__profile-hint">
            {t('preferences.profileHint')} <Link to={signInPath(PROFILE_PATH)}>{t('preferences.profileLink')}</Link>
          </p>
        </>
      ) : null}
    </div>
  );
}

/** A link that is forged, malformed or past its time: said kindly, with the way round it. */
function BrokenLink({ expired }: { expired: boolean }) {
  const { t } = useTranslation();
  const auth = useAuth();
  return (
    <>
      <div className="page__header">
        <h1>{t('preferences.brokenTitle')}</h1>
        <p className="page__intro">{expired ? t('preferences.expired') : t('preferences.invalid')}</p>
      </div>
      <div className="panel">
        <p>{t('preferences.brokenHelp')}</p>
        <p>
          <Link className="button button--primary" to={auth.me ? PROFILE_PATH : signInPath(PROFILE_PATH)}>
            {auth.me ? t('preferences.toProfile') : t('preferences.signInToChange')}
          </Link>
        </p>
      </div>
    </>
  );
}
