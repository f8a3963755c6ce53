import { z } from 'zod';
import type { BounceKind, RecordBounceRequest } from '../../api/generated';
import { emailAddress, optionalText, type Translate } from '../../lib/text-rules';

/** The bounce list's filters and page (kept in the address). */
export interface BounceQuery {
  email: string;
  kind: BounceKind | '';
  page: number;
  pageSize: number;
}

export const BOUNCE_PAGE_SIZE = 25;
export const BOUNCE_KINDS: readonly BounceKind[] = ['hard', 'soft'];

/** The query of a list address's search parameters (unknown values fall back to the defaults). */
export function bounceQueryOf(params: URLSearchParams): BounceQuery {
  const kind = params.get('kind');
  const page = Number(params.get('page'));
  return {
    email: params.get('email')?.trim() ?? '',
    kind: kind === 'hard' || kind === 'soft' ? kind : '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: BOUNCE_PAGE_SIZE,
  };
}

/** The search parameters of a query (the defaults left out). */
export function bounceQueryParams(query: BounceQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.email) params.set('email', query.email);
  if (query.kind) params.set('kind', query.kind);
  if (query.page > 1) params.set('page', String(query.page));
  return params;
}

/** "Record a bounce": an address, hard or soft, and the receiving server's words. */
export interface RecordBounceValues {
  email: string;
  kind: BounceKind;
  reason: string;
}

export const REASON_MAX = 1000;
export const EMPTY_BOUNCE: RecordBounceValues = { email: '', kind: 'hard', reason: '' };
export const BOUNCE_FIELDS = ['email', 'kind', 'reason'] as const;

export function recordBounceSchema(t: Translate) {
  return z.object({
    email: emailAddress(t),
    kind: z.enum(['hard', 'soft']),
    reason: optionalText(t, REASON_MAX),
  });
}

export function toRecordBounceRequest(values: RecordBounceValues): RecordBounceRequest {
  const reason = values.reason.trim();
  return { email: values.email.trim(), kind: values.kind, reason: reason || undefined };
}
