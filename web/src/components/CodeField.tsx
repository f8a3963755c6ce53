import { FormField } from './FormField';

export interface CodeFieldProps {
  id: string;
  label: string;
  hint: string;
  /** Messages for the code (the form's rule or the server's). */
  errors?: readonly string[];
  value: string;
  /** Called with the typed code in upper case. */
  onChange: (code: string) => void;
  onBlur?: () => void;
}

/** The field for a one-time code from an e-mail (sign-in and the sign-up's verification step). */
export function CodeField({ id, label, hint, errors, value, onChange, onBlur }: CodeFieldProps) {
  return (
    <FormField id={id} name="code" label={label} hint={hint} errors={errors}>
      {(control) => (
        <input
          {...control}
          type="text"
          className="input input--code input--short"
          value={value}
          onChange={(event) => onChange(event.target.value.toUpperCase())}
          onBlur={onBlur}
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          required
          maxLength={32}
        />
      )}
    </FormField>
  );
}
