import { localName, type Language } from './i18n';

/**
 * Texts the API keeps in Swedish and English (an event's title, a campaign's subject, …), either of which may be
 * missing: the viewer's language is shown, else the other one.
 */

/** A text in one language, with the language it is actually in (for the `lang` attribute when it is the other). */
export interface LocalText {
  text: string;
  language: Language;
}

/** The Swedish or English text for the language, else the other one; null when neither has any text. */
export function pickText(sv: string | null | undefined, en: string | null | undefined, language: Language): LocalText | null {
  const own = language === 'en' ? en : sv;
  if (own && own.trim()) return { text: own, language };
  const other: Language = language === 'en' ? 'sv' : 'en';
  const fallback = language === 'en' ? sv : en;
  if (fallback && fallback.trim()) return { text: fallback, language: other };
  return null;
}

/** The text for the language, else the other one, trimmed; '' when neither has any. */
export function textIn(sv: string | null | undefined, en: string | null | undefined, language: Language): string {
  return pickText(sv, en, language)?.text.trim() ?? '';
}

/** The `lang` attribute a text needs: only where it differs from the page's language. */
export function langAttribute(text: LocalText | null, pageLanguage: Language): Language | undefined {
  return text && text.language !== pageLanguage ? text.language : undefined;
}

/** A department's name in the language, by its code, from the faculties' lists; the code while they load or when unknown. */
export function departmentName(
  code: string,
  faculties: readonly { departments: readonly { code: string; nameSv: string; nameEn: string }[] }[] | undefined,
  language: Language,
): string {
  for (const faculty of faculties ?? []) {
    const department = faculty.departments.find((d) => d.code === code);
    if (department) return localName(department, language);
  }
  return code;
}
