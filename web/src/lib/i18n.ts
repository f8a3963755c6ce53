import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../i18n/en.json';
import sv from '../i18n/sv.json';

/** The languages of the UI; Swedish is the default. */
export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'sv';

/** Where the chosen language is remembered between visits. */
export const LANGUAGE_STORAGE_KEY = 'alumni.language';

/** The Swedish texts define the keys; English must have the same shape. */
export type TranslationResources = typeof sv;

export const resources = {
  sv: { translation: sv },
  en: { translation: en satisfies TranslationResources },
} as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Reduces a BCP 47 tag such as `en-GB` to one of our languages, if it is one. */
export function toLanguage(value: string | null | undefined): Language | undefined {
  if (!value) return undefined;
  const primary = value.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : undefined;
}

/** Storage may be missing or throw (private mode, disabled cookies): never let that break the app. */
export function readStoredLanguage(storage: Pick<Storage, 'getItem'> | null | undefined): Language {
  try {
    return toLanguage(storage?.getItem(LANGUAGE_STORAGE_KEY)) ?? DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function storeLanguage(storage: Pick<Storage, 'setItem'> | null | undefined, language: Language): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered; the language still applies for this visit.
  }
}

export function applyDocumentLanguage(doc: Document | null | undefined, language: Language): void {
  if (doc) doc.documentElement.lang = language;
}

function defaultStorage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

export interface CreateI18nOptions {
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  document?: Document | null;
}

/**
 * Creates an initialised i18next instance for the app: the remembered language (or Swedish), texts
 * from src/i18n/*.json, and a listener that remembers every change and sets `<html lang>`.
 */
export function createI18n(options: CreateI18nOptions = {}): I18n {
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const doc = options.document === undefined ? (typeof document !== 'undefined' ? document : null) : options.document;
  const language = readStoredLanguage(storage);

  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    nonExplicitSupportedLngs: false,
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
    initAsync: false,
  });

  applyDocumentLanguage(doc, language);
  instance.on('languageChanged', (lng: string) => {
    const chosen = toLanguage(lng);
    if (!chosen) return;
    storeLanguage(storage, chosen);
    applyDocumentLanguage(doc, chosen);
  });
  return instance;
}

/** The instance's current language as one of ours. */
export function currentLanguage(instance: Pick<I18n, 'resolvedLanguage' | 'language'>): Language {
  return toLanguage(instance.resolvedLanguage) ?? toLanguage(instance.language) ?? DEFAULT_LANGUAGE;
}

/** Picks the Swedish or English variant of a bilingual name. */
export function localName(item: { nameSv: string; nameEn: string }, language: Language): string {
  return language === 'en' ? item.nameEn || item.nameSv : item.nameSv || item.nameEn;
}
