import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiKeyResponse, CreateApiKeyRequest, CreatedApiKeyResponse, ScopeResponse } from '../../../api/generated';
import { useTranslation } from 'react-i18next';
import { useApiClients } from '../../../lib/api-context';
import { currentLanguage } from '../../../lib/i18n';

/** TanStack Query keys of the API keys feature (admin data: dropped at sign-out). */
export const apiKeyKeys = {
  all: ['admin', 'api-keys'] as const,
  list: () => [...apiKeyKeys.all, 'list'] as const,
  scopes: (language: string) => [...apiKeyKeys.all, 'scopes', language] as const,
};

export function useApiKeys() {
  const { identity } = useApiClients();
  return useQuery<ApiKeyResponse[]>({
    queryKey: apiKeyKeys.list(),
    queryFn: ({ signal }) => identity.listApiKeys(signal),
  });
}

/**
 * The scopes a key can be given, labelled and described in the page's language (the API's texts), with their area
 * and the operations each opens; they change only with the API.
 */
export function useScopes() {
  const { identity } = useApiClients();
  const { i18n } = useTranslation();
  return useQuery<ScopeResponse[]>({
    queryKey: apiKeyKeys.scopes(currentLanguage(i18n)),
    queryFn: ({ signal }) => identity.listScopes(signal),
    staleTime: Infinity,
  });
}

/** Creates a key; the answer holds its secret, which exists only in this answer. */
export function useCreateApiKey() {
  const { identity } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<CreatedApiKeyResponse, unknown, CreateApiKeyRequest>({
    mutationFn: (request) => identity.createApiKey(request),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: apiKeyKeys.list() });
    },
  });
}

export function useRevokeApiKey() {
  const { identity } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<ApiKeyResponse, unknown, ApiKeyResponse>({
    mutationFn: (key) => identity.revokeApiKey(key.id),
    onSuccess: async (revoked) => {
      queryClient.setQueryData<ApiKeyResponse[]>(apiKeyKeys.list(), (list) =>
        list?.map((key) => (key.id === revoked.id ? revoked : key)),
      );
      await queryClient.invalidateQueries({ queryKey: apiKeyKeys.list() });
    },
  });
}

export type ApiKeyState = 'active' | 'expired' | 'revoked';

export function apiKeyState(key: ApiKeyResponse, now: number = Date.now()): ApiKeyState {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && Date.parse(key.expiresAt) <= now) return 'expired';
  return 'active';
}

/** Scopes grouped by area, in the order the API lists them (areas in order of their first scope). */
export interface ScopeArea {
  area: string;
  label: string;
  scopes: ScopeResponse[];
}

export function scopesByArea(scopes: readonly ScopeResponse[]): ScopeArea[] {
  const areas = new Map<string, ScopeArea>();
  for (const scope of scopes) {
    const group = areas.get(scope.area) ?? { area: scope.area, label: scope.areaLabel, scopes: [] };
    group.scopes.push(scope);
    areas.set(scope.area, group);
  }
  return [...areas.values()];
}
