import 'i18next';
import type sv from './sv.json';

// Typed keys: t('departments.title') is checked against the Swedish texts at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof sv };
    returnNull: false;
  }
}
