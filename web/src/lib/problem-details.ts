/**
 * Turns whatever a call through the generated API client threw into one normalised shape (a form
 * places its field messages with lib/form-errors).
 *
 * The NSwag "Fetch" client throws one of:
 *  - the parsed problem body itself (when the spec declares `ProblemDetails` for that status),
 *  - an `ApiException` ({ message, status, response (text), headers, result }) otherwise, whose
 *    `result` may hold the parsed problem and whose `response` is the raw body,
 * and `fetch` itself rejects with a `TypeError` when the server cannot be reached.
 */

export const ProblemTypes = {
  validationFailed: 'urn:alumni:problem:validation-failed',
  malformedRequest: 'urn:alumni:problem:malformed-request',
  unauthorized: 'urn:alumni:problem:unauthorized',
  forbidden: 'urn:alumni:problem:forbidden',
  antiForgeryFailed: 'urn:alumni:problem:anti-forgery-failed',
  tooManyRequests: 'urn:alumni:problem:too-many-requests',
  notFound: 'urn:alumni:problem:not-found',
  methodNotAllowed: 'urn:alumni:problem:method-not-allowed',
  conflict: 'urn:alumni:problem:conflict',
  preconditionFailed: 'urn:alumni:problem:precondition-failed',
  preconditionRequired: 'urn:alumni:problem:precondition-required',
  payloadTooLarge: 'urn:alumni:problem:payload-too-large',
  unsupportedMediaType: 'urn:alumni:problem:unsupported-media-type',
  internalError: 'urn:alumni:problem:internal-error',
  http: 'urn:alumni:problem:http',
  /** Not from the server: the request never got an answer. */
  network: 'urn:alumni:client:network-error',
  /** Not from the server: something threw that is not an HTTP problem at all. */
  unknown: 'urn:alumni:client:unknown-error',
} as const;

export type ProblemKind =
  | 'validation'
  | 'malformed'
  | 'unauthorized'
  | 'forbidden'
  | 'anti-forgery'
  | 'too-many-requests'
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'precondition-required'
  | 'payload-too-large'
  | 'server'
  | 'network'
  | 'other';

/** A normalised problem: every field the UI needs, whatever shape the error arrived in. */
export interface Problem {
  kind: ProblemKind;
  type: string;
  title: string;
  /** HTTP status; 0 when no response was received. */
  status: number;
  detail?: string;
  instance?: string;
  traceId?: string;
  /** Field errors as sent by the server, keyed by the request field's JSON name. */
  errors: Record<string, string[]>;
  /** For 429: how many seconds to wait before trying again (from `Retry-After`), when known. */
  retryAfterSeconds?: number;
}

type UnknownRecord = Record<string, unknown>;

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** True when the value looks like an RFC 9457 problem body. */
export function isProblemBody(value: unknown): value is UnknownRecord {
  if (!isRecord(value) || value instanceof Error) return false;
  const hasStatus = typeof value.status === 'number';
  const hasType = typeof value.type === 'string';
  const hasTitle = typeof value.title === 'string';
  return (hasType && (hasStatus || hasTitle)) || (hasTitle && hasStatus);
}

/** True for NSwag's ApiException (it marks instances with `isApiException = true`). */
export function isApiExceptionLike(
  value: unknown,
): value is UnknownRecord & { status: number; response?: unknown; result?: unknown; headers?: unknown } {
  if (!isRecord(value)) return false;
  if (value.isApiException === true) return true;
  return value instanceof Error && typeof value.status === 'number' && 'response' in value;
}

/** `fetch` rejects with a TypeError (or an AbortError DOMException) when no response arrives. */
function isNetworkError(value: unknown): boolean {
  if (value instanceof TypeError) return true;
  return isRecord(value) && (value.name === 'TypeError' || value.name === 'NetworkError') && !('status' in value);
}

function kindOf(type: string, status: number): ProblemKind {
  switch (type) {
    case ProblemTypes.validationFailed:
      return 'validation';
    case ProblemTypes.malformedRequest:
    case ProblemTypes.unsupportedMediaType:
      return 'malformed';
    case ProblemTypes.unauthorized:
      return 'unauthorized';
    case ProblemTypes.forbidden:
      return 'forbidden';
    case ProblemTypes.antiForgeryFailed:
      return 'anti-forgery';
    case ProblemTypes.tooManyRequests:
      return 'too-many-requests';
    case ProblemTypes.notFound:
      return 'not-found';
    case ProblemTypes.conflict:
      return 'conflict';
    case ProblemTypes.preconditionFailed:
      return 'precondition-failed';
    case ProblemTypes.preconditionRequired:
      return 'precondition-required';
    case ProblemTypes.payloadTooLarge:
      return 'payload-too-large';
    case ProblemTypes.internalError:
      return 'server';
    case ProblemTypes.network:
      return 'network';
    default:
      break;
  }
  // Unknown or generic type (e.g. a proxy's own error page): fall back on the status code.
  if (status === 0) return 'network';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 429) return 'too-many-requests';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 412) return 'precondition-failed';
  if (status === 428) return 'precondition-required';
  if (status === 413) return 'payload-too-large';
  if (status >= 500) return 'server';
  return 'other';
}

function normaliseErrors(value: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!isRecord(value)) return out;
  for (const [key, messages] of Object.entries(value)) {
    const list = Array.isArray(messages)
      ? messages.filter((m): m is string => typeof m === 'string' && m.length > 0)
      : typeof messages === 'string' && messages.length > 0
        ? [messages]
        : [];
    if (list.length > 0) out[key] = [...(out[key] ?? []), ...list];
  }
  return out;
}

function fromBody(body: UnknownRecord, fallbackStatus: number): Problem {
  const status = typeof body.status === 'number' ? body.status : fallbackStatus;
  const type = asString(body.type) ?? ProblemTypes.http;
  const extensions = isRecord(body.extensions) ? body.extensions : undefined;
  return {
    kind: kindOf(type, status),
    type,
    title: asString(body.title) ?? '',
    status,
    detail: asString(body.detail),
    instance: asString(body.instance),
    traceId: asString(body.traceId) ?? asString(extensions?.traceId),
    errors: normaliseErrors(body.errors),
    retryAfterSeconds: asSeconds(body.retryAfter) ?? asSeconds(extensions?.retryAfter),
  };
}

function asSeconds(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.ceil(value);
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (!isRecord(headers)) return undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return asString(value);
  }
  return undefined;
}

/** Normalises anything a client call may throw. Never throws itself. */
export function toProblem(error: unknown): Problem {
  if (isApiExceptionLike(error)) {
    const status = error.status;
    const retryAfter = asSeconds(headerValue(error.headers, 'retry-after'));
    const withWait = (problem: Problem): Problem =>
      problem.retryAfterSeconds === undefined && retryAfter !== undefined ? { ...problem, retryAfterSeconds: retryAfter } : problem;
    if (isProblemBody(error.result)) return withWait(fromBody(error.result, status));
    const parsed = parseJson(error.response);
    if (isProblemBody(parsed)) return withWait(fromBody(parsed, status));
    const type = status === 0 ? ProblemTypes.network : ProblemTypes.http;
    return {
      kind: kindOf(type, status),
      type,
      title: asString(error.message) ?? '',
      status,
      traceId: headerValue(error.headers, 'x-trace-id') ?? headerValue(error.headers, 'traceparent'),
      errors: {},
      retryAfterSeconds: retryAfter,
    };
  }
  if (isProblemBody(error)) return fromBody(error, 0);
  if (isNetworkError(error)) {
    return {
      kind: 'network',
      type: ProblemTypes.network,
      title: error instanceof Error ? error.message : '',
      status: 0,
      errors: {},
    };
  }
  return {
    kind: 'other',
    type: ProblemTypes.unknown,
    title: error instanceof Error ? error.message : typeof error === 'string' ? error : '',
    status: 0,
    errors: {},
  };
}

export type ProblemMessageKey =
  | 'problems.validation'
  | 'problems.malformed'
  | 'problems.unauthorized'
  | 'problems.forbidden'
  | 'problems.antiForgery'
  | 'problems.tooManyRequests'
  | 'problems.notFound'
  | 'problems.conflict'
  | 'problems.preconditionFailed'
  | 'problems.preconditionRequired'
  | 'problems.payloadTooLarge'
  | 'problems.server'
  | 'problems.network'
  | 'problems.other';

/** The i18n key of the message to show for a problem of this kind. */
export function problemMessageKey(problem: Problem): ProblemMessageKey {
  switch (problem.kind) {
    case 'validation':
      return 'problems.validation';
    case 'malformed':
      return 'problems.malformed';
    case 'unauthorized':
      return 'problems.unauthorized';
    case 'forbidden':
      return 'problems.forbidden';
    case 'anti-forgery':
      return 'problems.antiForgery';
    case 'too-many-requests':
      return 'problems.tooManyRequests';
    case 'not-found':
      return 'problems.notFound';
    case 'conflict':
      return 'problems.conflict';
    case 'precondition-failed':
      return 'problems.preconditionFailed';
    case 'precondition-required':
      return 'problems.preconditionRequired';
    case 'payload-too-large':
      return 'problems.payloadTooLarge';
    case 'server':
      return 'problems.server';
    case 'network':
      return 'problems.network';
    case 'other':
      return 'problems.other';
  }
}

/** True when the problem means "not signed in (any more)": the caller should sign in again. */
export function isUnauthorized(error: unknown): boolean {
  return toProblem(error).kind === 'unauthorized';
}

/** Client errors (4xx) will not succeed when retried as they are; network and 5xx may. */
export function isRetryable(error: unknown): boolean {
  const problem = toProblem(error);
  return problem.kind === 'network' || problem.status >= 500 || problem.status === 408 || problem.status === 429;
}
