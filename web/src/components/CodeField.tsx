import { useController, type Control } from 'react-hook-form';
import type { CodeValues } from '../lib/auth/code-form';
import { FormField } from './FormField';

export interface CodeFieldProps {
  id: string;
  label: string;
  hint: string;
  /** The form of the code (its `code` field, under the one code rule). */
  control: Control<CodeValues>;
  /** Messages for the code (the form's rule or the server's). */
  errors?: readonly string[];
}

/** The field for a one-time code from an e-mail (sign-in, the sign-up's verification, erasure); it types in upper case. */
export function CodeField({ id, label, hint, control, errors }: CodeFieldProps) {
  const { field } = useController({ control, name: 'code' });
  return (
    <FormField id={id} name="code" label={label} hint={hint} errors={errors}>
      {(props) => (
        <input
          {...props}
          type="text"
          className="input input--code input--short"
          value={field.value}
          onChange={(event) => field.onChange(event.target.value.toUpperCase())}
          onBlur={field.onBlur}
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
