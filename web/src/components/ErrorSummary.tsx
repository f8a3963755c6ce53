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
  problem: Problem;
  /** Fields with messages; those messages are also shown on the fields themselves. */
  fields?: readonly ErrorSummaryField[];
  /** Messages that belong to no field. */
  formMessages?: readonly string[];
}

/**
 * The errors of a form submission above the form: announced (role=alert) and focused when they
 * arrive, with a link to each field that has a message. Without field messages it says what kind of
 * problem it was (ProblemMessage).
 */
export function ErrorSummary({ title, problem, fields = [], formMessages = [] }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const withMessages = fields.filter((field) => field.messages.length > 0);

  useEffect(() => {
    ref.current?.focus();
  }, [problem]);

  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p className="error-summary__title">{title}</p>
      <p className="error-summary__body">
        {withMessages.length > 0 ? t('problems.validation') : <ProblemMessage problem={problem} />}
      </p>
      {withMessages.length > 0 || formMessages.length > 0 ? (
        <ul className="error-summary__list">
          {withMessages.map((field) => (
            <li key={field.id}>
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
