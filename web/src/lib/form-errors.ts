import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { get, type FieldErrors, type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import { toProblem, type Problem } from './problem-details';

/**
 * Places the field errors of an RFC 9457 problem on a form. The server keys each message by the
 * request field's JSON name, with `[i]` for an item of a list (`affiliations[1].credits`); a form
 * (react-hook-form) names the same place `affiliations.1.credits`. Messages whose key names no field
 * of the form belong to the form as a whole: its error summary shows them.
 */

/**
 * The form path of a server error key: `affiliations[1].credits` is `affiliations.1.credits`. Also
 * reads a JSON-path or body prefix (`$.firstName`, `request.firstName`) and PascalCase segments
 * (`Affiliations[1].Credits`), which some serializers send.
 */
export function toFieldPath(key: string): string {
  return key
    .trim()
    .replace(/^\$\.?/, '')
    .replace(/^(body|request)\./i, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment.length > 0)
    .map((segment) => segment[0].toLowerCase() + segment.slice(1))
    .join('.');
}

/**
 * Which server paths a form has, and where on the form each goes. A pattern is a path with `#` for
 * any list index (`affiliations.#.credits`); it goes to the same place, or to the pair's second
 * element (`['consents.#', 'consents']`: a message about one consent goes on the consents). The
 * target may use `#` too: it takes the matched index.
 */
export type FieldRoute = string | readonly [pattern: string, target: string];

/** Finds the form path for a server path, or undefined when the form has no such field. */
export type FieldResolver = (path: string) => string | undefined;

/** A resolver for the given routes; letter case does not matter, the route's own spelling is used. */
export function fieldRoutes(...routes: readonly FieldRoute[]): FieldResolver {
  const compiled = routes.map((route) => {
    const [pattern, target] = typeof route === 'string' ? [route, route] : route;
    return { segments: pattern.split('.'), target };
  });
  return (path) => {
    const segments = path.split('.');
    for (const { segments: wanted, target } of compiled) {
      if (wanted.length !== segments.length) continue;
      const indexes: string[] = [];
      const matches = wanted.every((segment, i) => {
        if (segment === '#') {
          if (!/^\d+$/.test(segments[i])) return false;
          indexes.push(segments[i]);
          return true;
        }
        return segment.toLowerCase() === segments[i].toLowerCase();
      });
      if (matches) {
        let next = 0;
        return target
          .split('.')
          .map((segment) => (segment === '#' ? (indexes[next++] ?? segment) : segment))
          .join('.');
      }
    }
    return undefined;
  };
}

export interface ServerErrorOptions {
  /** A 409 conflict without field errors is about this form path (e.g. a department code that is taken). */
  conflictField?: string;
  /** The UI's wording for that conflict; without it the server's `detail` (or `title`) is shown. */
  conflictMessage?: string;
}

export interface PlacedErrors {
  /** Messages by form path (`affiliations.1.credits`). */
  fields: Record<string, string[]>;
  /** Messages that belong to no field of the form. */
  form: string[];
}

/**
 * Splits a problem's messages into those of the form's fields and those of the form as a whole.
 * Only validation and conflict problems carry field messages; for any other kind the caller shows
 * the problem's own message (ProblemMessage).
 */
export function placeServerErrors(
  problem: Problem,
  fields: FieldResolver | readonly FieldRoute[],
  options: ServerErrorOptions = {},
): PlacedErrors {
  const resolve = typeof fields === 'function' ? fields : fieldRoutes(...fields);
  const placed: PlacedErrors = { fields: {}, form: [] };
  for (const [key, messages] of Object.entries(problem.errors)) {
    if (messages.length === 0) continue;
    const path = resolve(toFieldPath(key));
    if (path) placed.fields[path] = [...(placed.fields[path] ?? []), ...messages];
    else placed.form.push(...messages);
  }
  if (problem.kind === 'conflict' && options.conflictField && Object.keys(placed.fields).length === 0) {
    const message = options.conflictMessage ?? problem.detail ?? problem.title;
    if (message) {
      placed.fields[options.conflictField] = [message];
      // The field says it now: no identical message at the top.
      placed.form = placed.form.filter((m) => m !== message);
    }
  }
  return placed;
}

/**
 * Puts a problem's field messages on a react-hook-form form (`setError`, type `server`; several
 * messages for one field are joined) and returns the messages that belong to no field, for the
 * form's error summary. A field's message goes once the field is changed and passes the form's own
 * rules again, or at the next submission.
 */
export function applyServerErrors<T extends FieldValues>(
  problem: Problem,
  setError: UseFormSetError<T>,
  fields: FieldResolver | readonly FieldRoute[],
  options: ServerErrorOptions = {},
): string[] {
  const placed = placeServerErrors(problem, fields, options);
  for (const [path, messages] of Object.entries(placed.fields)) {
    setError(path as Path<T>, { type: 'server', message: messages.join(' ') });
  }
  return placed.form;
}

/** The message of the field at this path as a list for FormField (empty when the field is fine). */
export function messagesAt(errors: FieldErrors | object, path: string): string[] {
  const error: unknown = get(errors, path);
  if (typeof error !== 'object' || error === null) return [];
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && message.length > 0 ? [message] : [];
}

/** What the last failed submission of a form left for its error summary. */
export interface FormFailure {
  /** Counts the failed submissions (each moves focus to the summary). */
  attempt: number;
  /** The server's answer; null when the form's own rules stopped it. */
  problem: Problem | null;
  /** The server's messages that belong to no field. */
  formMessages: string[];
}

export interface FormFailureControls {
  /** The last failed submission, or null before the first one and after `clear`. */
  failure: FormFailure | null;
  /** For `handleSubmit(send, refuse)`: the form's own rules stopped the submission. */
  refuse: () => void;
  /** A new submission starts: the summary goes until it fails too. */
  clear: () => void;
  /** The server refused the submission: places its messages now (for a mutation's own `onError`). */
  fail: (error: unknown) => void;
}

/** The failure after `previous`: one attempt more, with what this one left. */
function failedAgain(problem: Problem | null, formMessages: string[]) {
  return (previous: FormFailure | null): FormFailure => ({ attempt: (previous?.attempt ?? 0) + 1, problem, formMessages });
}

/**
 * A form's failed submissions. Each new `error` (the mutation's: a thrown problem, ApiException or
 * network error) is placed once, with `applyServerErrors`, and counts as a failed attempt; `fields`
 * and `options` are read as they are when it comes, so they may change from render to render (the
 * studies as they were sent, a message in the UI language) without placing the error again.
 */
export function useFormFailure<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: FieldResolver | readonly FieldRoute[],
  options: ServerErrorOptions = {},
): FormFailureControls {
  const [failure, setFailure] = useState<FormFailure | null>(null);

  const fail = (serverError: unknown) => {
    const problem = toProblem(serverError);
    setFailure(failedAgain(problem, applyServerErrors(problem, setError, fields, options)));
  };

  // The error comes from the mutation, so its messages are placed in an effect; the error last placed
  // is kept, so the effect running again for the same one (StrictMode) places and counts nothing.
  const placed = useRef<unknown>(null);
  const placeNew = useEffectEvent((serverError: unknown) => {
    if (serverError === placed.current) return;
    placed.current = serverError;
    fail(serverError);
  });
  useEffect(() => {
    if (error) placeNew(error);
  }, [error]);

  const refuse = () => setFailure(failedAgain(null, []));
  const clear = () => setFailure(null);
  return { failure, refuse, clear, fail };
}

/**
 * Whether the form shows its error summary: after a failed submission, when a field has a message,
 * the server sent messages for no field, or the problem was not about the fields at all.
 */
export function showsSummary(failure: FormFailure | null, fieldMessages: readonly string[]): failure is FormFailure {
  return (
    failure !== null &&
    (fieldMessages.length > 0 || failure.formMessages.length > 0 || (failure.problem !== null && failure.problem.kind !== 'validation'))
  );
}
