import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../lib/problem-details';
import { ProblemMessage } from './ProblemMessage';

export interface ErrorSummaryField {
  /** The id of the field's control (the link moves focus there). */
  id: string;
  label: string;
  messages: readonly string[];
}

export interface ErrorSummaryProps {
  title: string;
  /** The server's answer; null when the form's own rules stopped the submission. */
  problem: Problem | null;
  /** Counts the submissions: each failed one moves focus to the summary again. */
  attempt?: number;
  /** Fields with messages; those messages are also shown on the fields themselves. */
  fields?: readonly ErrorSummaryField[];
  /** Messages that belong to no field. */
  formMessages?: readonly string[];
}

/**
 * The errors of a form submission above the form: announced (role=alert) and focused when they
 * arrive, with a link to each field that has a message. Without field messages it says what kind of
 * problem it was (ProblemMessage). The messages come from the server or from the form's own rules
 * (then there is no problem).
 */
export function ErrorSummary({ title, problem, attempt, fields = [], formMessages = [] }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const withMessages = fields.filter((field) => field.messages.length > 0);

  useEffect(() => {
    ref.current?.focus();
  }, [problem, attempt]);

  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p className="error-summary__title">{title}</p>
      <p className="error-summary__body">
        {withMessages.length > 0 || !problem ? t('problems.validation') : <ProblemMessage problem={problem} />}
      </p>
      {withMessages.length > 0 || formMessages.length > 0 ? (
        <ul className="error-summary__list">
          {withMessages.map((field) => (
            <li key={`${field.id}-${field.label}`}>
              <a
                href={`#${field.id}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(field.id)?.focus();
                }}
              >
                {field.label}: {field.messages.join(' ')}
              </a>
            </li>
          ))}
          {formMessages.map((message, i) => (
            <li key={`form-${i}`}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
