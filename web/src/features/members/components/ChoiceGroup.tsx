import type { ReactNode } from 'react';
import { fieldErrorId, fieldHintId } from '../../../components/FormField';

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

export interface ChoiceGroupProps<T extends string> {
  /** The group's id; each box is `<id>-<value>`, the first box is where an error summary link leads. */
  id: string;
  name: string;
  legend: ReactNode;
  hint?: string;
  choices: readonly Choice<T>[];
  chosen: readonly T[];
  onToggle: (value: T, on: boolean) => void;
  errors?: readonly string[];
  /** Boxes that are on their way to the server (shown busy). */
  busy?: (value: T) => boolean;
  className?: string;
}

export function choiceId(groupId: string, value: string): string {
  return `${groupId}-${value}`;
}

/** A group of checkboxes in a fieldset with a legend, each with its own label and optional hint. */
export function ChoiceGroup<T extends string>({
  id,
  name,
  legend,
  hint,
  choices,
  chosen,
  onToggle,
  errors,
  busy,
  className,
}: ChoiceGroupProps<T>) {
  const hasErrors = !!errors && errors.length > 0;
  const describedBy = [hasErrors ? fieldErrorId(id) : null, hint ? fieldHintId(id) : null].filter(Boolean).join(' ');
  return (
    <fieldset
      id={id}
      className={['fieldset', hasErrors ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}
      aria-describedby={describedBy || undefined}
    >
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p className="field__hint" id={fieldHintId(id)}>
          {hint}
        </p>
      ) : null}
      <ul className="checkbox-list">
        {choices.map((choice) => {
          const boxId = choiceId(id, choice.value);
          return (
            <li key={choice.value} className="checkbox-list__item">
              <input
                id={boxId}
                type="checkbox"
                className="checkbox"
                name={name}
                value={choice.value}
                checked={chosen.includes(choice.value)}
                onChange={(event) => onToggle(choice.value, event.target.checked)}
                aria-describedby={choice.hint ? `${boxId}-hint` : undefined}
                aria-invalid={hasErrors || undefined}
                aria-busy={busy?.(choice.value) || undefined}
              />
              <label htmlFor={boxId}>{choice.label}</label>
              {choice.hint ? (
                <p className="field__hint checkbox-list__hint" id={`${boxId}-hint`}>
                  {choice.hint}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {hasErrors ? (
        <p className="field__error" id={fieldErrorId(id)}>
          {errors.map((message, i) => (
            <span key={i} className="field__error-line">
              {message}
            </span>
          ))}
        </p>
      ) : null}
    </fieldset>
  );
}
