import { render } from '@testing-library/react';
import { http } from 'msw';
import { flushSync } from 'react-dom';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { DevMailboxMessage, MemberDeliveryResponse, MeResponse, PreferencesResponse } from '../api/generated';
import { AppProvider, createQueryClient } from '../app/provider';
import { routes } from '../app/router';
import { createApiClients } from '../lib/api-client';
import { CSRF_COOKIE } from '../lib/api-fetch';
import { createI18n, currentLanguage } from '../lib/i18n';
import { createUnauthorizedSignal } from '../lib/unauthorized';
import { json, meResponse, notFound, server } from './http';

export interface RenderAppOptions {
  /**
   * Who `GET /api/me` says is signed in (null: nobody, a 401), or a function asked at every request
   * when that changes during the test. When someone is signed in at the start, the browser also holds
   * the session's anti-forgery cookie, as after a real sign-in.
   */
  me: MeResponse | null | (() => MeResponse | null);
  /**
   * What the development mailbox (`GET /api/dev/mailbox`) holds; without it the API does not serve
   * the mailbox (404), as outside Development. The layout asks for it once to decide on its link.
   */
  devMailbox?: DevMailboxMessage[];
  /**
   * What `GET /api/me/newsletters/preferences` answers (the profile's Newsletter section), or a function asked at
   * every request; without it (or null) a 404, as for someone without a member record, and the section stays away.
   */
  myNewsletterPreferences?: PreferencesResponse | null | (() => PreferencesResponse | null);
  /** What `GET /api/newsletters/members/{id}/delivery` answers (the staff member page's Mail delivery box); mail delivered unless told. */
  memberDelivery?: MemberDeliveryResponse;
  path?: string;
}

function flushUpdates(fn: () => unknown): undefined {
  flushSync(fn);
}

/**
 * Renders the whole app (layout, routes, providers) at a path, over the real generated clients and
 * fetch wrapper: the test's MSW handlers answer its requests. The frame's own requests (who is
 * signed in, whether the dev mailbox is served) are answered from `me` and `devMailbox`.
 */
export function renderApp({ me, devMailbox, myNewsletterPreferences = null, memberDelivery = { stopped: false, bounces: [] }, path = '/departments' }: RenderAppOptions) {
  const current = typeof me === 'function' ? me : () => me;
  server.use(http.get('/api/me', () => meResponse(current())));
  const first = current();
  if (first) document.cookie = `${CSRF_COOKIE}=${encodeURIComponent(first.csrfToken)}; path=/`;
  server.use(
    http.get('/api/dev/mailbox', () =>
      devMailbox ? json(devMailbox) : notFound('The development mailbox is served only in Development.'),
    ),
  );
  const preferences = typeof myNewsletterPreferences === 'function' ? myNewsletterPreferences : () => myNewsletterPreferences;
  server.use(
    http.get('/api/me/newsletters/preferences', () => {
      const answer = preferences();
      return answer ? json(answer) : notFound('You have no member record.');
    }),
  );
  server.use(http.get('/api/newsletters/members/:memberId/delivery', () => json(memberDelivery)));
  const i18n = createI18n({ storage: window.localStorage, document });
  // The app's own clients and fetch wrapper, as main.tsx makes them.
  const clients = createApiClients({ language: () => currentLanguage(i18n) });
  const unauthorized = createUnauthorizedSignal();
  const queryClient = createQueryClient({
    unauthorized,
    defaultOptions: { queries: { retry: false, staleTime: 0 }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <AppProvider i18n={i18n} clients={clients} queryClient={queryClient} unauthorized={unauthorized}>
      {/* As react-router/dom's RouterProvider (the app's) does: navigate's flushSync option works. */}
      <RouterProvider router={router} flushSync={flushUpdates} />
    </AppProvider>,
  );
  return { ...result, i18n, queryClient, router };
}
