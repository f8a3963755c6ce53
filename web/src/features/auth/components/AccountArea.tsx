import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import type { FlashState } from '../../../lib/flash';
import { JOIN_PATH, SIGNED_OUT_PATH } from '../../../lib/paths';
import { pathOf, SIGN_IN_PATH, signInPath } from '../../../lib/return-to';
import { useAuth } from '../../../lib/auth/me';
import { markSignedOut } from '../../../lib/auth/sign-in';
import { useSignOut } from '../api/sign-out';
import './AccountArea.css';

/**
 * Sign out, then leave for a public page and only then forget who was signed in, so no page that
 * needs a sign-in is left open to send the user to the sign-in page. The navigation is flushed
 * (React Router renders navigations as transitions, which the query update would overtake).
 */
export function useSignOutAndLeave() {
  const signOut = useSignOut();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return {
    isPending: signOut.isPending,
    error: signOut.error,
    signOut: () => {
      if (signOut.isPending) return;
      signOut.mutate(undefined, {
        onSuccess: async () => {
          const state: FlashState = { flash: 'signedOut' };
          await navigate(SIGNED_OUT_PATH, { state, flushSync: true });
          markSignedOut(queryClient);
        },
      });
    },
  };
}

/** The header's account corner: who is signed in, their sessions and "Sign out"; or "Join" and "Sign in". */
export function AccountArea() {
  const { t } = useTranslation();
  const auth = useAuth();
  const location = useLocation();
  const signOut = useSignOutAndLeave();

  if (auth.isPending) return <div className="account" />;
  if (!auth.me) {
    const onSignIn = location.pathname === SIGN_IN_PATH;
    const onJoin = location.pathname === JOIN_PATH || location.pathname.startsWith(`${JOIN_PATH}/`);
    return (
      <div className="account">
        {onJoin ? null : (
          <Link className="account__join" to={JOIN_PATH}>
            {t('auth.join')}
          </Link>
        )}
        {onSignIn ? null : (
          <Link className="account__sign-in" to={signInPath(pathOf(location))}>
            {t('auth.signIn')}
          </Link>
        )}
      </div>
    );
  }
  return (
    <div className="account">
      <p className="account__who">
        <span className="visually-hidden">{t('auth.signedInAs')} </span>
        <span className="account__email">{auth.me.email}</span>
      </p>
      <NavLink className="account__link" to="/me/sessions">
        {t('nav.sessions')}
      </NavLink>
      <button
        type="button"
        className="button button--small button--on-dark"
        onClick={signOut.signOut}
        aria-disabled={signOut.isPending || undefined}
      >
        {t('auth.signOut')}
      </button>
      {signOut.error ? (
        <p className="account__error" role="alert">
          {t('auth.signOutFailed')}
        </p>
      ) : null}
    </div>
  );
}
