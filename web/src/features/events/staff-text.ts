import type { FacultyResponse } from '../../api/generated';
import { localName, type Language } from '../../lib/i18n';

/**
 * Texts of the staff's event pages. An event's text in the UI language falls back to the other language when missing
 * (written for the staff pages; the alumni pages' helpers are in event-text.ts).
 */
export function pickText(sv: string | null | undefined, en: string | null | undefined, language: Language): string {
  const first = language === 'en' ? en : sv;
  const second = language === 'en' ? sv : en;
  return first?.trim() || second?.trim() || '';
}

/** A department's name in the UI language, by its code; the code itself when it is not (yet) known. */
export function departmentLabel(code: string, faculties: readonly FacultyResponse[] | undefined, language: Language): string {
  for (const faculty of faculties ?? []) {
    const department = faculty.departments.find((d) => d.code === code);
    if (department) return localName(department, language);
  }
  return code;
}
