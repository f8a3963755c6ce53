import { createContext, useContext } from 'react';

/**
 * "An API call answered 401": raised by the QueryClient (see createQueryClient) for any query or
 * mutation that is not marked quiet, and heard inside the router, which sends the user to sign in
 * and back (see UnauthorizedRedirect).
 */
export interface UnauthorizedSignal {
  subscribe(listener: () => void): () => void;
  notify(): void;
}

export function createUnauthorizedSignal(): UnauthorizedSignal {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    notify() {
      for (const listener of [...listeners]) listener();
    },
  };
}

/**
 * Query and mutation `meta` that keeps a 401 from sending the user to sign in: for calls that expect
 * one (who am I, sign out) or may answer it harmlessly.
 */
export const QUIET_UNAUTHORIZED = { quietUnauthorized: true } as const;

export function isQuietUnauthorized(meta: Record<string, unknown> | undefined): boolean {
  return meta?.quietUnauthorized === true;
}

export const UnauthorizedSignalContext = createContext<UnauthorizedSignal | null>(null);

export function useUnauthorizedSignal(): UnauthorizedSignal {
  const signal = useContext(UnauthorizedSignalContext);
  if (!signal) throw new Error('useUnauthorizedSignal must be used inside <AppProvider>.');
  return signal;
}
