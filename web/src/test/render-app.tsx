import { render } from '@testing-library/react';
import { flushSync } from 'react-dom';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider, createQueryClient } from '../app/provider';
import { routes } from '../app/router';
import type { ApiClients } from '../lib/api-client';
import { createI18n } from '../lib/i18n';
import { createUnauthorizedSignal } from '../lib/unauthorized';
import { seededFakeApi } from './fake-departments-api';
import { DEMO_ADMIN, FakeDevApi, FakeIdentityApi, seededFakeIdentity } from './fake-identity-api';
import { seededFakeMembers } from './fake-members-api';

export interface RenderAppOptions {
  /**
   * The (fake) API clients. Missing ones default to: the seeded departments fake, the seeded identity
   * fake signed in as the demo admin, a dev mailbox that is not served (404), and a members fake
   * (without members) over that identity fake.
   */
  clients?: Partial<ApiClients>;
  path?: string;
}

function defaultMembers(identity: ApiClients['identity']): ApiClients['members'] {
  if (!(identity instanceof FakeIdentityApi)) throw new Error('Pass a members fake along with an identity that is not a FakeIdentityApi.');
  return seededFakeMembers(identity);
}

function flushUpdates(fn: () => unknown): undefined {
  flushSync(fn);
}

/** Renders the whole app (layout, routes, providers) at a path, over the given (fake) API clients. */
export function renderApp({ clients = {}, path = '/departments' }: RenderAppOptions = {}) {
  const identity = clients.identity ?? seededFakeIdentity({ signedInAs: DEMO_ADMIN });
  const all: ApiClients = {
    departments: clients.departments ?? seededFakeApi(),
    identity,
    dev: clients.dev ?? new FakeDevApi(null, false),
    members: clients.members ?? defaultMembers(identity),
  };
  const i18n = createI18n({ storage: window.localStorage, document });
  const unauthorized = createUnauthorizedSignal();
  const queryClient = createQueryClient({
    unauthorized,
    defaultOptions: { queries: { retry: false, staleTime: 0 }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <AppProvider i18n={i18n} clients={all} queryClient={queryClient} unauthorized={unauthorized}>
      {/* As react-router/dom's RouterProvider (the app's) does: navigate's flushSync option works. */}
      <RouterProvider router={router} flushSync={flushUpdates} />
    </AppProvider>,
  );
  return { ...result, i18n, queryClient, router, clients: all };
}
