import type { SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions, isCountryCode } from '../lib/countries';
import { currentLanguage } from '../lib/i18n';
import type { FieldControlProps } from './FormField';

export interface CountrySelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> {
  control: FieldControlProps;
  /** The ISO 3166-1 alpha-2 code, or '' for none. */
  value: string;
  onChange: (code: string) => void;
  /** The first, empty option ("No country given", "All countries"). */
  emptyLabel: string;
}

/**
 * A country picker: a native select (keyboard search by typing the first letters, accessible everywhere) of every
 * country by its name in the UI language, in that language's order; the value is the code. A stored code the list
 * does not know is kept as an option of its own, so that editing other fields does not change it unseen.
 */
export function CountrySelect({ control, value, onChange, emptyLabel, ...rest }: CountrySelectProps) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const code = value.trim().toUpperCase();
  return (
    <select {...control} {...rest} className="input" value={code} onChange={(event) => onChange(event.target.value)}>
      <option value="">{emptyLabel}</option>
      {code && !isCountryCode(code) ? <option value={code}>{code}</option> : null}
      {countryOptions(language).map((country) => (
        <option key={country.code} value={country.code}>
          {country.name}
        </option>
      ))}
    </select>
  );
}
