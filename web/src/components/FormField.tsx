import type { InputHTMLAttributes, ReactNode } from 'react';

/** Props to spread onto the field's control (input, select, textarea). */
export interface FieldControlProps {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface FormFieldProps {
  /** The control's id; the label, hint and error are tied to it. */
  id: string;
  name: string;
  label: string;
  hint?: string;
  /** Messages for this field (from the server); shown under the control and announced with it. */
  errors?: readonly string[];
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

export function fieldErrorId(id: string): string {
  return `${id}-error`;
}

export function fieldHintId(id: string): string {
  return `${id}-hint`;
}

/**
 * A labelled form control with an optional hint and its error messages. The control gets
 * `aria-invalid` while it has errors and `aria-describedby` pointing at the error and hint texts.
 */
export function FormField({ id, name, label, hint, errors, className, children }: FormFieldProps) {
  const hasErrors = !!errors && errors.length > 0;
  const describedBy = [hasErrors ? fieldErrorId(id) : null, hint ? fieldHintId(id) : null].filter(Boolean).join(' ');
  return (
    <div className={['field', hasErrors ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={fieldHintId(id)}>
          {hint}
        </p>
      ) : null}
      {children({
        id,
        name,
        'aria-invalid': hasErrors ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hasErrors ? (
        <p className="field__error" id={fieldErrorId(id)}>
          {errors.map((message, i) => (
            <span key={i} className="field__error-line">
              {message}
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}

export interface TextInputFieldProps
  extends Omit<FormFieldProps, 'children'>,
    Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'value' | 'onChange' | 'className' | 'children'> {
  value: string;
  onValueChange: (value: string) => void;
  /** The input's class (default `input`); `className` is the field's. */
  inputClassName?: string;
}

/** A {@link FormField} around a single-line input: the shape most form fields have. */
export function TextInputField({
  id,
  name,
  label,
  hint,
  errors,
  className,
  value,
  onValueChange,
  inputClassName = 'input',
  type = 'text',
  ...input
}: TextInputFieldProps) {
  return (
    <FormField id={id} name={name} label={label} hint={hint} errors={errors} className={className}>
      {(control) => (
        <input
          {...control}
          {...input}
          type={type}
          className={inputClassName}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
        />
      )}
    </FormField>
  );
}
