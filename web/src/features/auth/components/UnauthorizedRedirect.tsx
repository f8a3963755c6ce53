import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
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
  const locationRef = useRef(location);
  locationRef.current = location;

  useEffect(
    () =>
      signal.subscribe(() => {
        const current = locationRef.current;
        if (current.pathname === SIGN_IN_PATH) {
          markSignedOut(queryClient);
          return;
        }
        const state: SignInLocationState = { reason: 'expired' };
        // Leave the page first (flushed: navigations render as transitions, which the query update
        // would overtake), so its guard does not send the user to sign in without the notice.
        void Promise.resolve(navigate(signInPath(pathOf(current)), { state, flushSync: true })).then(() =>
          markSignedOut(queryClient),
        );
      }),
    [signal, queryClient, navigate],
  );
  return null;
}
