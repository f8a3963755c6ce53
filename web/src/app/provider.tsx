import { MutationCache, QueryCache, QueryClient, QueryClientProvider, type DefaultOptions } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ApiClients } from '../lib/api-client';
import { ApiClientsProvider } from '../lib/api-context';
import { isRetryable, isUnauthorized } from '../lib/problem-details';
import {
  createUnauthorizedSignal,
  isQuietUnauthorized,
  UnauthorizedSignalContext,
  type UnauthorizedSignal,
} from '../lib/unauthorized';

export interface CreateQueryClientOptions {
  /** Told about every 401 of a query or mutation that is not marked quiet (QUIET_UNAUTHORIZED). */
  unauthorized?: UnauthorizedSignal;
  /** Replaces the defaults below (tests turn retries off). */
  defaultOptions?: DefaultOptions;
}

/**
 * The app's query client: 4xx problems are final, network and server errors get two more tries, and
 * a 401 anywhere is reported to the unauthorized signal (so the user is sent to sign in, centrally).
 */
export function createQueryClient(options: CreateQueryClientOptions = {}): QueryClient {
  const report = (error: unknown, meta: Record<string, unknown> | undefined) => {
    if (!isQuietUnauthorized(meta) && isUnauthorized(error)) options.unauthorized?.notify();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => report(error, query.meta) }),
    mutationCache: new MutationCache({ onError: (error, _variables, _result, mutation) => report(error, mutation.meta) }),
    defaultOptions: options.defaultOptions ?? {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => failureCount < 2 && isRetryable(error),
      },
      mutations: {
        retry: false,
      },
    },
  });
}

export interface AppProviderProps {
  i18n: I18n;
  clients: ApiClients;
  /** A query client made with createQueryClient and the same `unauthorized` signal. */
  queryClient?: QueryClient;
  unauthorized?: UnauthorizedSignal;
  children: ReactNode;
}

export function AppProvider({ i18n, clients, queryClient, unauthorized, children }: AppProviderProps) {
  const [signal] = useState(() => unauthorized ?? createUnauthorizedSignal());
  const [client] = useState(() => queryClient ?? createQueryClient({ unauthorized: signal }));
  return (
    <I18nextProvider i18n={i18n}>
      <ApiClientsProvider clients={clients}>
        <UnauthorizedSignalContext.Provider value={signal}>
          <QueryClientProvider client={client}>{children}</QueryClientProvider>
        </UnauthorizedSignalContext.Provider>
      </ApiClientsProvider>
    </I18nextProvider>
  );
}
