import { z } from 'zod';
import type { CreateApiKeyRequest } from '../../api/generated';
import { fieldRoutes } from '../../lib/form-errors';
import { localDateTimeToIso } from '../../lib/format';
import { name, type Translate } from '../../lib/text-rules';

/** The new-key form as it holds the values: the expiry as the date-time field gives it (local time, or empty). */
export interface ApiKeyValues {
  name: string;
  scopes: string[];
  expiresAt: string;
}

export const EMPTY_API_KEY: ApiKeyValues = { name: '', scopes: [], expiresAt: '' };

/** The request: the name trimmed, the scopes in the order the server lists them, the expiry as an instant. */
export function toCreateApiKeyRequest(values: ApiKeyValues, scopeOrder: readonly string[]): CreateApiKeyRequest {
  const chosen = new Set(values.scopes);
  return {
    name: values.name.trim(),
    scopes: scopeOrder.filter((scope) => chosen.has(scope)),
    expiresAt: values.expiresAt ? localDateTimeToIso(values.expiresAt) : undefined,
  };
}

/**
 * The new key's rules, as the API's CreateApiKey has them: a name (at most 200 characters, no
 * markup), at least one scope, and an expiry, if any, in the future (judged when the form is sent).
 * Whether a scope still exists only the server can tell.
 */
export function apiKeySchema(t: Translate, now: () => number = Date.now) {
  return z.object({
    name: name(t),
    scopes: z.array(z.string()).refine((scopes) => scopes.length > 0, t('validation.scopes')),
    expiresAt: z.string().refine((value) => {
      if (value.trim() === '') return true;
      const iso = localDateTimeToIso(value);
      return iso !== undefined && Date.parse(iso) > now();
    }, t('validation.future')),
  }) satisfies z.ZodType<ApiKeyValues, ApiKeyValues>;
}

/** Where the server's messages go: a message about one scope (`scopes[1]`) on the scopes. */
export const API_KEY_ROUTES = fieldRoutes('name', 'scopes', ['scopes.#', 'scopes'], 'expiresAt');
