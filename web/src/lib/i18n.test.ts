import { describe, expect, it } from 'vitest';
import {
  createI18n,
  currentLanguage,
  DEFAULT_LANGUAGE,
  LANGUAGE_STORAGE_KEY,
  localName,
  readStoredLanguage,
  toLanguage,
} from './i18n';
import en from '../i18n/en.json';
import sv from '../i18n/sv.json';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
  };
}

const throwingStorage = {
  getItem: (): string | null => {
    throw new Error('SecurityError');
  },
  setItem: (): void => {
    throw new Error('QuotaExceededError');
  },
};

describe('language persistence', () => {
  it('starts in Swedish when nothing is remembered, and says so on <html>', () => {
    const storage = memoryStorage();
    document.documentElement.lang = '';
    const i18n = createI18n({ storage, document });
    expect(currentLanguage(i18n)).toBe('sv');
    expect(DEFAULT_LANGUAGE).toBe('sv');
    expect(document.documentElement.lang).toBe('sv');
    expect(i18n.t('departments.title')).toBe('Fakulteter och institutioner');
  });

  it('starts in the remembered language', () => {
    const i18n = createI18n({ storage: memoryStorage({ [LANGUAGE_STORAGE_KEY]: 'en' }), document });
    expect(currentLanguage(i18n)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(i18n.t('departments.title')).toBe('Faculties and departments');
  });

  it('remembers a change and updates <html lang>', async () => {
    const storage = memoryStorage();
    const i18n = createI18n({ storage, document });
    await i18n.changeLanguage('en');
    expect(storage.data.get(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    // A new visit (a new instance over the same storage) comes back in English.
    expect(currentLanguage(createI18n({ storage, document }))).toBe('en');
    await i18n.changeLanguage('sv');
    expect(storage.data.get(LANGUAGE_STORAGE_KEY)).toBe('sv');
    expect(document.documentElement.lang).toBe('sv');
  });

  it('ignores a remembered value that is not one of our languages', () => {
    expect(readStoredLanguage(memoryStorage({ [LANGUAGE_STORAGE_KEY]: 'de' }))).toBe('sv');
    expect(readStoredLanguage(memoryStorage({ [LANGUAGE_STORAGE_KEY]: '' }))).toBe('sv');
    expect(readStoredLanguage(memoryStorage({ [LANGUAGE_STORAGE_KEY]: 'en-GB' }))).toBe('en');
    expect(readStoredLanguage(null)).toBe('sv');
  });

  it('keeps working when storage throws', async () => {
    const i18n = createI18n({ storage: throwingStorage, document });
    expect(currentLanguage(i18n)).toBe('sv');
    await i18n.changeLanguage('en');
    expect(currentLanguage(i18n)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('uses window.localStorage by default', async () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const i18n = createI18n();
    expect(currentLanguage(i18n)).toBe('en');
    await i18n.changeLanguage('sv');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('sv');
  });
});

describe('helpers', () => {
  it('reduces language tags', () => {
    expect(toLanguage('sv-SE')).toBe('sv');
    expect(toLanguage('EN_us')).toBe('en');
    expect(toLanguage('fi')).toBeUndefined();
    expect(toLanguage(undefined)).toBeUndefined();
  });

  it('picks the name in the language, falling back on the other', () => {
    const department = { nameSv: 'Engelska institutionen', nameEn: 'Department of English' };
    expect(localName(department, 'sv')).toBe('Engelska institutionen');
    expect(localName(department, 'en')).toBe('Department of English');
    expect(localName({ nameSv: 'Bara svenska', nameEn: '' }, 'en')).toBe('Bara svenska');
  });
});

describe('translations', () => {
  function keys(value: unknown, prefix = ''): string[] {
    if (typeof value !== 'object' || value === null) return [prefix];
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }

  it('has the same keys in Swedish and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(sv).sort());
    for (const [name, texts] of [
      ['sv', sv],
      ['en', en],
    ] as const) {
      for (const key of keys(texts)) {
        const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], texts);
        expect(typeof text === 'string' && text.trim().length > 0, `${name}: ${key}`).toBe(true);
      }
    }
  });

  it('uses the same interpolation variables in both languages', () => {
    const vars = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of keys(sv)) {
      const get = (texts: unknown) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], texts) as string;
      expect(vars(get(en)), key).toEqual(vars(get(sv)));
    }
  });
});
