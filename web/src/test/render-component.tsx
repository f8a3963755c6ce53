import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AppProvider, createQueryClient } from '../app/provider';
import { createApiClients } from '../lib/api-client';
import { CSRF_COOKIE } from '../lib/api-fetch';
import { createI18n, currentLanguage, LANGUAGE_STORAGE_KEY, type Language } from '../lib/i18n';

export interface RenderComponentOptions {
  /** The UI language (English unless told). */
  language?: Language;
  /** The session's anti-forgery token the browser holds (a cookie), as after a sign-in; none when null. */
  csrfToken?: string | null;
}

/**
 * Renders one component (one a page of another feature shows, such as the toolkit's files) in the app's providers,
 * over the real generated clients and fetch wrapper, without the layout and routes: the test's MSW handlers answer
 * its requests.
 */
export function renderComponent(ui: ReactElement, { language = 'en', csrfToken = 'csrf-token-of-the-session' }: RenderComponentOptions = {}) {
  if (csrfToken) document.cookie = `${CSRF_COOKIE}=${encodeURIComponent(csrfToken)}; path=/`;
  window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  const i18n = createI18n({ storage: window.localStorage, document });
  const clients = createApiClients({ language: () => currentLanguage(i18n) });
  const queryClient = createQueryClient({ defaultOptions: { queries: { retry: false, staleTime: 0 }, mutations: { retry: false } } });
  const result = render(
    <AppProvider i18n={i18n} clients={clients} queryClient={queryClient}>
      {ui}
    </AppProvider>,
  );
  return { ...result, i18n, queryClient };
}
