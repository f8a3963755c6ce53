import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '../app/provider';
import { routes } from '../app/router';
import type { ApiClients } from '../lib/api-client';
import { createI18n } from '../lib/i18n';

export interface RenderAppOptions {
  clients: ApiClients;
  path?: string;
}

/** Renders the whole app (layout, routes, providers) at a path, over the given (fake) API clients. */
export function renderApp({ clients, path = '/departments' }: RenderAppOptions) {
  const i18n = createI18n({ storage: window.localStorage, document });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 0 }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <AppProvider i18n={i18n} clients={clients} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, i18n, queryClient, router };
}
