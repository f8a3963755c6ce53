import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ApiClients } from '../lib/api-client';
import { ApiClientsProvider } from '../lib/api-context';
import { isRetryable } from '../lib/problem-details';

/** The app's query defaults: 4xx problems are final, network and server errors get two more tries. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
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
  queryClient?: QueryClient;
  children: ReactNode;
}

export function AppProvider({ i18n, clients, queryClient, children }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <I18nextProvider i18n={i18n}>
      <ApiClientsProvider clients={clients}>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </ApiClientsProvider>
    </I18nextProvider>
  );
}
