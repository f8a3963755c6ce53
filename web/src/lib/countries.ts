// The library's browser entry (what a bundler picks) also under Node, whose entry would load every language.
import countries from 'i18n-iso-countries/index';
import en from 'i18n-iso-countries/langs/en.json';
import sv from 'i18n-iso-countries/langs/sv.json';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from './i18n';

// Only the UI's two languages are registered, so the bundle carries no other names.
countries.registerLocale(en);
countries.registerLocale(sv);

/**
 * Codes the library knows that are not ISO 3166-1 (Kosovo's user-assigned XK): the API refuses them, so the
 * picker does not offer them.
 */
const NOT_ISO = new Set(['XK']);

/** The ISO 3166-1 alpha-2 codes the API accepts (the same 249 as the API's Countries list). */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes())
  .filter((code) => !NOT_ISO.has(code))
  .sort();

export interface Country {
  code: string;
  name: string;
}

const cache = new Map<Language, readonly Country[]>();

/** Every country with its name in the language, sorted by that language's collation (Åland and Österrike last in Swedish). */
export function countryOptions(language: Language): readonly Country[] {
  const cached = cache.get(language);
  if (cached) return cached;
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  const options = COUNTRY_CODES.map((code) => ({ code, name: countryName(code, language) })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
  cache.set(language, options);
  return options;
}

/** A stored country code as people read it ("SE" → "Sverige"/"Sweden"); an unknown code is shown as it is. */
export function countryName(code: string | null | undefined, language: Language): string {
  if (!code) return '';
  return countries.getName(code.toUpperCase(), language, { select: 'official' }) ?? code;
}

/** True for a code the picker offers. */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.includes(code.trim().toUpperCase());
}

/** Country codes shown as names in the UI language. */
export function useCountryName(): (code: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (code) => countryName(code, language);
}
