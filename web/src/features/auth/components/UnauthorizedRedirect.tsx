import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { pathOf, SIGN_IN_PATH, signInPath } from '../../../lib/return-to';
import { useUnauthorizedSignal } from '../../../lib/unauthorized';
import { markSignedOut } from '../../../lib/auth/sign-in';
import type { SignInLocationState } from './SignInPage';

/**
 * Listens for 401 answers to API calls (reported by the QueryClient, see createQueryClient): the
 * session has ended, so the app is marked signed out and the user is sent to sign in, and back here
 * afterwards. Renders nothing.
 */
export function UnauthorizedRedirect() {
  const signal = useUnauthorizedSignal();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  // Reads the location of the moment the 401 arrives, without subscribing again on every navigation.
  const onUnauthorized = useEffectEvent(() => {
    if (location.pathname === SIGN_IN_PATH) {
      markSignedOut(queryClient);
      return;
    }
    const state: SignInLocationState = { reason: 'expired' };
    // Leave the page first (flushed: navigations render as transitions, which the query update
    // would overtake), so its guard does not send the user to sign in without the notice.
    void Promise.resolve(navigate(signInPath(pathOf(location)), { state, flushSync: true })).then(() =>
      markSignedOut(queryClient),
    );
  });

  useEffect(() => signal.subscribe(() => onUnauthorized()), [signal]);
  return null;
}
