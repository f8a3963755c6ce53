import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClients } from './api-client';

const ApiClientsContext = createContext<ApiClients | null>(null);

export function ApiClientsProvider({ clients, children }: { clients: ApiClients; children: ReactNode }) {
  return <ApiClientsContext.Provider value={clients}>{children}</ApiClientsContext.Provider>;
}

/** The generated API clients of the app (made once at start-up with the fetch wrapper; see api-client.ts). */
export function useApiClients(): ApiClients {
  const clients = useContext(ApiClientsContext);
  if (!clients) throw new Error('useApiClients must be used inside <ApiClientsProvider>.');
  return clients;
}
